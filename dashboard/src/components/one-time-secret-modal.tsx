import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { SecretBox } from './copy-button.tsx';
import { AlertIcon } from './icons.tsx';
import { Modal } from './modal.tsx';

/**
 * Shows a secret the server returns exactly once (a webhook signing secret, an API key). It only
 * closes through its button, so nobody loses the value with a stray click.
 */
export function OneTimeSecretModal({
  open,
  title,
  secret,
  description,
  onClose,
}: {
  open: boolean;
  title: string;
  secret: string;
  description?: ReactNode;
  onClose: () => void;
}) {
  return (
    <Modal
      open={open}
      onClose={onClose}
      dismissible={false}
      title={title}
      description={description}
      footer={
        <Button variant="primary" onClick={onClose}>
          I have saved it
        </Button>
      }
    >
      <div className="space-y-4">
        <SecretBox value={secret} />
        <div className="flex gap-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-800 ring-1 ring-amber-200">
          <AlertIcon className="mt-0.5 size-4 shrink-0 text-amber-500" />
          <p>
            <span className="font-medium">This will not be shown again.</span> Copy it now and store it somewhere safe. If you lose it, rotate it to get a
            new one.
          </p>
        </div>
      </div>
    </Modal>
  );
}
