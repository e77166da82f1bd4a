import { useState } from 'react';
import type { EventType } from '../../api/types.ts';
import { Button } from '../../components/button.tsx';
import { TextInput } from '../../components/form-controls.tsx';
import { PlusIcon, XIcon } from '../../components/icons.tsx';
import { coveringWildcard, groupEventTypes, sourceLabel, togglePattern } from './event-patterns.ts';

interface EventSelectorProps {
  readonly eventTypes: readonly EventType[];
  readonly value: readonly string[];
  readonly onChange: (next: string[]) => void;
  readonly invalid?: boolean;
}

function Check({
  id,
  checked,
  disabled = false,
  onChange,
  label,
  description,
  mono = true,
}: {
  id: string;
  checked: boolean;
  disabled?: boolean;
  onChange: () => void;
  label: string;
  description?: string | undefined;
  mono?: boolean;
}) {
  return (
    <label htmlFor={id} className={`flex items-start gap-3 rounded-md px-2 py-1.5 ${disabled ? 'opacity-60' : 'cursor-pointer hover:bg-slate-50'}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={onChange}
        className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
      />
      <span className="min-w-0">
        <span className={`block text-sm text-slate-800 ${mono ? 'font-mono' : 'font-medium'}`}>{label}</span>
        {description && <span className="block text-xs text-slate-500">{description}</span>}
      </span>
    </label>
  );
}

const slug = (text: string) => text.replace(/[^a-z0-9]+/gi, '-');

/**
 * Choose the events a webhook receives: the catalog grouped by source, with `prefix.*`
 * wildcards per group, `*` for everything, and free patterns for types not in the catalog.
 */
export function EventSelector({ eventTypes, value, onChange, invalid = false }: EventSelectorProps) {
  const [custom, setCustom] = useState('');
  const groups = groupEventTypes(eventTypes);
  const wildcards = groups.flatMap((group) => group.families.flatMap((family) => (family.wildcard ? [family.wildcard] : [])));
  const known = new Set([...eventTypes.map((eventType) => eventType.type), ...wildcards, '*']);
  const extra = value.filter((pattern) => !known.has(pattern));
  const everything = value.includes('*');
  const toggle = (pattern: string) => onChange(togglePattern(value, pattern));
  const addCustom = () => {
    const pattern = custom.trim();
    if (pattern && !value.includes(pattern)) onChange(togglePattern(value, pattern));
    setCustom('');
  };

  return (
    <div className={`overflow-hidden rounded-lg ring-1 ${invalid ? 'ring-rose-400' : 'ring-slate-200'}`} role="group" aria-label="Events">
      <div className="border-b border-slate-200 bg-slate-50 px-2 py-1.5">
        <Check id="event-all" checked={everything} onChange={() => toggle('*')} label="All events" description="Every event, including types added later (*)" mono={false} />
      </div>
      <div className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
        {groups.map((group) => (
          <fieldset key={group.source} className="px-2 py-2">
            <legend className="sr-only">{sourceLabel(group.source)}</legend>
            <p aria-hidden="true" className="px-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {sourceLabel(group.source)}
            </p>
            {group.families.map((family) => {
              const types = family.types.map((eventType) => {
                const cover = coveringWildcard(value, eventType.type);
                return (
                  <Check
                    key={eventType.type}
                    id={`event-${slug(eventType.type)}`}
                    checked={cover !== undefined || value.includes(eventType.type)}
                    disabled={cover !== undefined}
                    onChange={() => toggle(eventType.type)}
                    label={eventType.type}
                    description={cover ? `${eventType.description} · included by ${cover}` : eventType.description}
                  />
                );
              });
              if (!family.wildcard) return types;
              const wildcard = family.wildcard;
              return (
                <div key={wildcard}>
                  <Check
                    id={`event-${slug(wildcard)}-all`}
                    checked={everything || value.includes(wildcard)}
                    disabled={everything}
                    onChange={() => toggle(wildcard)}
                    label={wildcard}
                    description={`Every ${wildcard.slice(0, -2)} event, including new ones`}
                  />
                  <div className="ml-4 border-l border-slate-100 pl-2">{types}</div>
                </div>
              );
            })}
          </fieldset>
        ))}
        {groups.length === 0 && <p className="px-4 py-3 text-sm text-slate-500">The server listed no event types. Add patterns below.</p>}
      </div>
      <div className="space-y-2 border-t border-slate-200 bg-slate-50 px-3 py-2.5">
        {extra.length > 0 && (
          <div className="flex flex-wrap gap-1.5">
            {extra.map((pattern) => (
              <span key={pattern} className="inline-flex items-center gap-1 rounded-md bg-indigo-50 px-2 py-0.5 font-mono text-xs text-indigo-700">
                {pattern}
                <button type="button" onClick={() => toggle(pattern)} aria-label={`Remove ${pattern}`} className="text-indigo-400 hover:text-indigo-700">
                  <XIcon className="size-3" />
                </button>
              </span>
            ))}
          </div>
        )}
        <div className="flex gap-2">
          <TextInput
            aria-label="Custom event pattern"
            placeholder="Other type or pattern, e.g. github.pr.*"
            value={custom}
            onChange={(event) => setCustom(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addCustom();
              }
            }}
            className="py-1.5 font-mono text-xs"
          />
          <Button size="sm" icon={<PlusIcon className="size-3.5" />} onClick={addCustom} disabled={custom.trim() === ''}>
            Add
          </Button>
        </div>
      </div>
    </div>
  );
}
