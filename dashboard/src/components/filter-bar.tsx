import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { DateTimeFilter } from './form-controls.tsx';

/** A row of filter controls above a table; with `onClear`, a "Clear filters" button at the end. */
export function FilterBar({ children, onClear }: { children: ReactNode; onClear?: (() => void) | undefined }) {
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
      {children}
      {onClear && (
        <Button variant="ghost" size="sm" onClick={onClear} className="mb-0.5">
          Clear filters
        </Button>
      )}
    </div>
  );
}

/** One `<option>` per value, shown as is or through `label`. */
export function ValueOptions({ values, label = (value) => value }: { values: readonly string[]; label?: (value: string) => string }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {label(value)}
    </option>
  ));
}

/** "Since" and "Until" pickers for the `since`/`until` query parameters. */
export function TimeRangeFilters({ since, until, onChange }: { since: string; until: string; onChange: (changes: { since?: string; until?: string }) => void }) {
  return (
    <>
      <DateTimeFilter label="Since" value={since} onChange={(value) => onChange({ since: value })} />
      <DateTimeFilter label="Until" value={until} onChange={(value) => onChange({ until: value })} />
    </>
  );
}
