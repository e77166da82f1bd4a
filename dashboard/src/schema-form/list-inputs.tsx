import { useState } from 'react';
import { Button } from '../components/button.tsx';
import { TextArea, TextInput, inputClass } from '../components/form-controls.tsx';
import { PlusIcon, XIcon } from '../components/icons.tsx';

/** A list of strings edited as removable chips; Enter or comma adds what was typed. */
export function ChipsInput({
  id,
  value,
  onChange,
  placeholder,
  invalid = false,
}: {
  id: string;
  value: readonly string[];
  onChange: (next: string[]) => void;
  placeholder?: string | undefined;
  invalid?: boolean;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (text && !value.includes(text)) onChange([...value, text]);
    setDraft('');
  };
  return (
    <div className={`${inputClass(invalid)} flex flex-wrap items-center gap-1.5 py-1.5 focus-within:ring-2 focus-within:ring-indigo-600`}>
      {value.map((item) => (
        <span key={item} className="inline-flex items-center gap-1 rounded-md bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">
          {item}
          <button type="button" aria-label={`Remove ${item}`} onClick={() => onChange(value.filter((entry) => entry !== item))} className="text-indigo-400 hover:text-indigo-700">
            <XIcon className="size-3" />
          </button>
        </span>
      ))}
      <input
        id={id}
        value={draft}
        placeholder={value.length === 0 ? (placeholder ?? 'Type and press Enter') : ''}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={add}
        className="min-w-32 flex-1 border-0 p-0.5 text-sm outline-none placeholder:text-slate-400 focus:ring-0"
      />
    </div>
  );
}

export interface MapSuggestion {
  readonly key: string;
  readonly description?: string | undefined;
  /** For templates: the plugin's default text, offered as the starting point. */
  readonly placeholder?: string | undefined;
}

/**
 * A record of strings, one row per key that has a value. With `template`, values are Handlebars
 * edited in monospace, keys are event types (or patterns), and the plugin's own templates are
 * offered to customise, starting from their default text; removing a row restores the default.
 */
export function StringMapInput({
  id,
  value,
  onChange,
  suggestions = [],
  template = false,
}: {
  id: string;
  value: Readonly<Record<string, string>>;
  onChange: (next: Record<string, string>) => void;
  suggestions?: readonly MapSuggestion[];
  template?: boolean;
}) {
  const [newKey, setNewKey] = useState('');
  const suggested = new Map(suggestions.map((suggestion) => [suggestion.key, suggestion]));
  const keys = Object.keys(value);
  const available = suggestions.filter((suggestion) => !(suggestion.key in value));
  const set = (key: string, text: string) => onChange({ ...value, [key]: text });
  const remove = (key: string) => {
    const { [key]: _removed, ...rest } = value;
    onChange(rest);
  };
  const add = (raw: string) => {
    const key = raw.trim();
    if (key && !(key in value)) onChange({ ...value, [key]: suggested.get(key)?.placeholder ?? '' });
    setNewKey('');
  };

  return (
    <div id={id} className="space-y-3">
      {keys.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 px-3 py-3 text-sm text-slate-500">
          {template
            ? suggestions.length > 0
              ? `Every event uses the connector's default message (${suggestions.length} built in). Customise one below.`
              : 'No templates yet. Add one for an event type below.'
            : 'None yet.'}
        </p>
      )}
      {keys.map((key) => {
        const suggestion = suggested.get(key);
        const rowId = `${id}-${key}`;
        return (
          <div key={key} className="rounded-lg border border-slate-200 bg-slate-50/60 p-3">
            <div className="mb-2 flex items-center justify-between gap-2">
              <label htmlFor={rowId} className="font-mono text-xs font-semibold text-slate-700">
                {key}
              </label>
              <button
                type="button"
                onClick={() => remove(key)}
                className="inline-flex items-center gap-1 rounded px-1 text-xs text-slate-500 hover:text-rose-600"
                aria-label={template && suggestion ? `Reset ${key} to the default` : `Remove ${key}`}
              >
                <XIcon className="size-3.5" />
                {template && suggestion ? 'Use default' : 'Remove'}
              </button>
            </div>
            {suggestion?.description && <p className="mb-2 text-xs text-slate-500">{suggestion.description}</p>}
            {template ? (
              <TextArea id={rowId} rows={3} value={value[key] ?? ''} onChange={(event) => set(key, event.target.value)} className="font-mono text-xs" spellCheck={false} />
            ) : (
              <TextInput id={rowId} value={value[key] ?? ''} onChange={(event) => set(key, event.target.value)} />
            )}
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        {template && available.length > 0 && (
          <select
            aria-label="Customise the template for"
            value=""
            onChange={(event) => add(event.target.value)}
            className={`${inputClass()} w-auto min-w-56 flex-1 py-1.5 text-xs`}
          >
            <option value="">Customise a built-in template…</option>
            {available.map((suggestion) => (
              <option key={suggestion.key} value={suggestion.key}>
                {suggestion.key}
                {suggestion.description ? ` — ${suggestion.description}` : ''}
              </option>
            ))}
          </select>
        )}
        <div className="flex flex-1 gap-2">
          <TextInput
            aria-label={template ? 'Event type for a new template' : 'New key'}
            value={newKey}
            placeholder={template ? 'Other event type or pattern' : 'Key, e.g. X-Team'}
            onChange={(event) => setNewKey(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add(newKey);
              }
            }}
            className="min-w-40 py-1.5 font-mono text-xs"
          />
          <Button size="sm" icon={<PlusIcon className="size-3.5" />} onClick={() => add(newKey)} disabled={newKey.trim() === ''}>
            Add
          </Button>
        </div>
      </div>
    </div>
  );
}
