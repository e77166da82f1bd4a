import { useState, type ComponentProps, type ReactNode } from 'react';
import { isoToLocalInput, localInputToIso } from './time.tsx';

const base =
  'block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset outline-none placeholder:text-slate-400 focus:ring-2 focus:ring-inset disabled:bg-slate-50 disabled:text-slate-500';
const ok = 'ring-slate-300 focus:ring-indigo-600';
const bad = 'ring-rose-400 focus:ring-rose-500';

export const inputClass = (invalid = false) => `${base} ${invalid ? bad : ok}`;

export function TextInput({ invalid = false, className = '', ...rest }: ComponentProps<'input'> & { invalid?: boolean }) {
  return <input aria-invalid={invalid || undefined} className={`${inputClass(invalid)} ${className}`} {...rest} />;
}

export function TextArea({ invalid = false, className = '', ...rest }: ComponentProps<'textarea'> & { invalid?: boolean }) {
  return <textarea aria-invalid={invalid || undefined} className={`${inputClass(invalid)} ${className}`} {...rest} />;
}

export function Select({ invalid = false, className = '', children, ...rest }: ComponentProps<'select'> & { invalid?: boolean }) {
  return (
    <select aria-invalid={invalid || undefined} className={`${inputClass(invalid)} pr-8 ${className}`} {...rest}>
      {children}
    </select>
  );
}

export interface FieldProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly help?: ReactNode;
  readonly error?: string | undefined;
  /** A non-blocking note shown in amber (e.g. "http is refused unless allowed by the server"). */
  readonly warning?: string | undefined;
  readonly required?: boolean;
  /** Shown at the right of the label (e.g. a "set" badge). */
  readonly aside?: ReactNode;
  readonly children: ReactNode;
}

/** Label, control, help text and the error for one form field. */
export function Field({ id, label, help, error, warning, required = false, aside, children }: FieldProps) {
  return (
    <div>
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <span className="flex items-baseline">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          {required && (
            <span className="ml-0.5 text-sm text-rose-500" aria-hidden="true">
              *
            </span>
          )}
        </span>
        {aside}
      </div>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1.5 text-sm text-rose-600">
          {error}
        </p>
      ) : warning ? (
        <p className="mt-1.5 text-sm text-amber-700">{warning}</p>
      ) : help ? (
        <p className="mt-1.5 text-sm text-slate-500">{help}</p>
      ) : null}
    </div>
  );
}

/** A compact labelled select for filter bars. */
export function FilterSelect({
  label,
  value,
  onChange,
  children,
  className = 'w-44',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <label className={`flex flex-col gap-1 ${className}`}>
      <span className="text-xs font-medium text-slate-500">{label}</span>
      <Select value={value} onChange={(event) => onChange(event.target.value)} className="py-1.5">
        {children}
      </Select>
    </label>
  );
}

/**
 * A date-time filter: shows local time, reports an ISO time in UTC ('' when cleared), so it can
 * go straight into `since`/`until` query parameters. A complete value (picked, or typed up to a
 * plausible year) applies at once; a half-typed or emptied one applies when the field loses focus.
 */
export function DateTimeFilter({
  label,
  value,
  onChange,
  className = 'w-52',
}: {
  label: string;
  /** ISO time or ''. */
  value: string;
  onChange: (iso: string) => void;
  className?: string;
}) {
  const [draft, setDraft] = useState(() => isoToLocalInput(value));
  const [shown, setShown] = useState(value);
  // Follow changes from outside (Clear filters, a link) without an effect.
  if (shown !== value) {
    setShown(value);
    setDraft(isoToLocalInput(value));
  }
  const commit = (local: string) => {
    const iso = localInputToIso(local);
    if (iso !== value) onChange(iso);
  };
  return (
    <label className={`flex flex-col gap-1 ${className}`}>
      <span className="text-xs font-medium text-slate-500">{label}</span>
      <input
        type="datetime-local"
        value={draft}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          // While someone types the year digit by digit, 0002 and 0020 are valid dates too.
          if (next !== '' && Number(next.slice(0, 4)) >= 1970) commit(next);
        }}
        onBlur={() => commit(draft)}
        className={`${inputClass()} py-1.5`}
      />
    </label>
  );
}

/** A free-text filter that applies on Enter or when it loses focus, not on every keystroke. */
export function FilterText({
  label,
  value,
  onChange,
  placeholder,
  className = 'w-52',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  // Follow changes from outside (Clear filters, a link) without an effect.
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    const next = draft.trim();
    if (next !== value) onChange(next);
  };
  return (
    <label className={`flex flex-col gap-1 ${className}`}>
      <span className="text-xs font-medium text-slate-500">{label}</span>
      <input
        type="search"
        value={draft}
        placeholder={placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
        className={`${inputClass()} py-1.5`}
      />
    </label>
  );
}
