import type { FieldIssue } from '../api/types.ts';
import { ErrorBanner } from './feedback.tsx';

/** A failed save: the error, and the field issues no form field could show. */
export function ServerErrorBanner({ error, title, unmatched, className }: { error: unknown; title: string; unmatched: readonly FieldIssue[]; className?: string }) {
  return (
    <div className={className}>
      <ErrorBanner error={error} title={title} />
      {unmatched.length > 0 && (
        <ul className="mt-2 list-inside list-disc text-sm text-rose-700">
          {unmatched.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path && <span className="font-mono">{issue.path}: </span>}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
