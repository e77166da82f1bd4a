import type { ReactNode } from 'react';
import { navigate } from '../router/hash-router.ts';
import { Button } from './button.tsx';
import { EmptyState } from './feedback.tsx';
import { LockIcon } from './icons.tsx';
import { Card, PageHeader } from './layout-parts.tsx';

/** A whole page's message in a card, with a button back to the overview. */
export function PageMessage({ icon, title, description, backLabel }: { icon: ReactNode; title: string; description: ReactNode; backLabel: string }) {
  return (
    <Card>
      <EmptyState icon={icon} title={title} description={description} action={<Button onClick={() => navigate('/')}>{backLabel}</Button>} />
    </Card>
  );
}

/** A page the user may not see: its title, and who may. */
export function AccessDenied({ page, title, description }: { page: string; title: string; description: ReactNode }) {
  return (
    <>
      <PageHeader title={page} />
      <PageMessage icon={<LockIcon className="size-6" />} title={title} description={description} backLabel="Back to the overview" />
    </>
  );
}
