import type { ReactNode } from 'react';

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
    </div>
  );
}

export function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`rounded-xl bg-white shadow-sm ring-1 ring-slate-900/5 ${className}`}>{children}</div>;
}

/** A titled form section: heading and help on the left, fields on the right. */
export function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section className="grid grid-cols-1 gap-x-8 gap-y-4 border-b border-slate-200 py-8 first:pt-0 last:border-b-0 md:grid-cols-3">
      <div>
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        {description && <div className="mt-1 text-sm text-slate-500">{description}</div>}
      </div>
      <div className="space-y-5 md:col-span-2">{children}</div>
    </section>
  );
}

export const tableClasses = {
  table: 'min-w-full divide-y divide-slate-200 text-sm',
  th: 'px-4 py-2.5 text-left text-xs font-medium tracking-wide text-slate-500 uppercase',
  /** No text colour here, so a cell can set its own without a class conflict; tbody sets the default. */
  td: 'px-4 py-3 align-middle',
  row: 'hover:bg-slate-50/80',
};
