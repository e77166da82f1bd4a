import { useCatalog } from '../../auth/catalog.tsx';
import { CommunityOptions } from '../../components/community-options.tsx';
import { FilterSelect } from '../../components/form-controls.tsx';
import type { QueryFilters } from '../../router/query-filters.ts';

export const webhookFilterNames = ['active', 'connector', 'community'] as const;

/** Status, connector and (with several) community pickers over the webhook list. */
export function WebhookFilters({ filter }: { filter: QueryFilters<(typeof webhookFilterNames)[number]> }) {
  const catalog = useCatalog();
  const { active, connector, community } = filter.values;
  return (
    <>
      <FilterSelect label="Status" value={active} onChange={(value) => filter.go({ active: value })} className="w-36">
        <option value="">All</option>
        <option value="true">Active</option>
        <option value="false">Disabled</option>
      </FilterSelect>
      <FilterSelect label="Connector" value={connector} onChange={(value) => filter.go({ connector: value })}>
        <option value="">All connectors</option>
        {catalog.sinks.map((plugin) => (
          <option key={plugin.id} value={plugin.id}>
            {plugin.name}
          </option>
        ))}
      </FilterSelect>
      {catalog.communities.length > 1 && (
        <FilterSelect label="Community" value={community} onChange={(value) => filter.go({ community: value })} className="w-52">
          <option value="">All communities</option>
          <CommunityOptions communities={catalog.communities} />
        </FilterSelect>
      )}
    </>
  );
}
