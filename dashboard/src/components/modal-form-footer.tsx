import type { ReactNode } from 'react';
import { Button } from './button.tsx';

/** Cancel and submit buttons for a modal whose form has the id `form`. */
export function ModalFormFooter({ form, onCancel, busy, submitLabel }: { form: string; onCancel: () => void; busy: boolean; submitLabel: ReactNode }) {
  return (
    <>
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" form={form} variant="primary" busy={busy}>
        {submitLabel}
      </Button>
    </>
  );
}
