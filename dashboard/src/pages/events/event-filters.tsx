import { useCatalog } from '../../auth/catalog.tsx';
import { TimeRangeFilters, ValueOptions } from '../../components/filter-bar.tsx';
import { FilterSelect } from '../../components/form-controls.tsx';
import type { QueryFilters } from '../../router/query-filters.ts';
import { sourceLabel } from '../webhooks/event-patterns.ts';

export const eventFilterNames = ['type', 'source', 'since', 'until'] as const;

/** Source, type and time range pickers over the event list. */
export function EventFilters({ filter }: { filter: QueryFilters<(typeof eventFilterNames)[number]> }) {
  const catalog = useCatalog();
  const { type, source, since, until } = filter.values;
  const { go } = filter;
  const sources = [...new Set(catalog.eventTypes.map((entry) => entry.source))].sort();
  const types = catalog.eventTypes.filter((entry) => !source || entry.source === source).map((entry) => entry.type);
  return (
    <>
      <FilterSelect label="Source" value={source} onChange={(value) => go({ source: value })} className="w-40">
        <option value="">All sources</option>
        <ValueOptions values={sources} label={sourceLabel} />
      </FilterSelect>
      <FilterSelect label="Type" value={type} onChange={(value) => go({ type: value })} className="w-52">
        <option value="">All types</option>
        <ValueOptions values={[...new Set([...types, ...(type ? [type] : [])])].sort()} />
      </FilterSelect>
      <TimeRangeFilters since={since} until={until} onChange={go} />
    </>
  );
}
