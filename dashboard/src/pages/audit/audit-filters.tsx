import { useCatalog } from '../../auth/catalog.tsx';
import { CommunityOptions } from '../../components/community-options.tsx';
import { ValueOptions } from '../../components/filter-bar.tsx';
import { FilterSelect, FilterText } from '../../components/form-controls.tsx';
import type { QueryFilters } from '../../router/query-filters.ts';
import { knownAuditActions } from './audit-format.ts';

export const auditFilterNames = ['communityId', 'action', 'targetId'] as const;

/** Community, action and target pickers over the audit log. */
export function AuditFilters({ filter }: { filter: QueryFilters<(typeof auditFilterNames)[number]> }) {
  const catalog = useCatalog();
  const { communityId, action, targetId } = filter.values;
  const { go } = filter;
  const actions = [...new Set([...knownAuditActions, ...(action ? [action] : [])])].sort();
  return (
    <>
      <FilterSelect label="Community" value={communityId} onChange={(value) => go({ communityId: value })} className="w-52">
        <option value="">All communities</option>
        <CommunityOptions communities={catalog.communities} />
        {communityId && !catalog.communities.some((community) => community.id === communityId) && <option value={communityId}>{communityId}</option>}
      </FilterSelect>
      <FilterSelect label="Action" value={action} onChange={(value) => go({ action: value })} className="w-56">
        <option value="">All actions</option>
        <ValueOptions values={actions} />
      </FilterSelect>
      <FilterText label="Target id" value={targetId} onChange={(value) => go({ targetId: value })} placeholder="wh_…, dlv_…, usr_…" className="w-64" />
    </>
  );
}
