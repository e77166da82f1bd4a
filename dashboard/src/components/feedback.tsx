import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '../api/client.ts';
import { AlertIcon } from './icons.tsx';

/** A red banner with the server's error message (and code), for a failed load or action. */
export function ErrorBanner({ error, title = 'Something went wrong', action }: { error: unknown; title?: string; action?: ReactNode }) {
  if (!error) return null;
  const code = isApiError(error) && error.status > 0 ? `${error.status} ${error.code}` : null;
  return (
    <div role="alert" className="flex items-start gap-3 rounded-lg border border-rose-200 bg-rose-50 px-4 py-3">
      <AlertIcon className="mt-0.5 size-5 shrink-0 text-rose-500" />
      <div className="min-w-0 flex-1 text-sm">
        <p className="font-medium text-rose-800">{title}</p>
        <p className="mt-0.5 break-words text-rose-700">{errorMessage(error)}</p>
        {code && <p className="mt-1 font-mono text-xs text-rose-500">{code}</p>}
      </div>
      {action}
    </div>
  );
}

export interface EmptyStateProps {
  readonly icon: ReactNode;
  readonly title: string;
  readonly description: ReactNode;
  readonly action?: ReactNode;
}

export function EmptyState({ icon, title, description, action }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-16 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600 ring-8 ring-indigo-50/50">{icon}</div>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">{title}</h3>
      <p className="mt-1 max-w-sm text-sm text-slate-500">{description}</p>
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}

export function Skeleton({ className = '' }: { className?: string }) {
  return <div className={`animate-pulse rounded bg-slate-200/80 ${className}`} />;
}

/** Placeholder rows while a table loads. */
export function TableSkeleton({ rows = 5, columns = 5 }: { rows?: number; columns?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading" className="divide-y divide-slate-100">
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex items-center gap-6 px-4 py-4">
          {Array.from({ length: columns }, (_, column) => (
            <Skeleton key={column} className={`h-4 ${column === 0 ? 'w-40' : 'flex-1'}`} />
          ))}
        </div>
      ))}
    </div>
  );
}
