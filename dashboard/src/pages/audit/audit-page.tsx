import { useMemo } from 'react';
import { api, isApiError } from '../../api/client.ts';
import type { AuditEntry } from '../../api/types.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { isInstanceOwner } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { Badge } from '../../components/badge.tsx';
import { ScrollTextIcon } from '../../components/icons.tsx';
import { PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { AccessDenied } from '../../components/page-message.tsx';
import { PagedTable, type TableSpec } from '../../components/paged-table.tsx';
import { RelativeTime, formatAbsolute } from '../../components/time.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS, useResource } from '../../hooks/use-resource.ts';
import { type Location } from '../../router/hash-router.ts';
import { queryFilters } from '../../router/query-filters.ts';
import { Link } from '../../router/link.tsx';
import { AuditFilters, auditFilterNames } from './audit-filters.tsx';
import { auditActionTone, auditTargetLink, compactDetails } from './audit-format.ts';

const table: TableSpec = {
  columns: [{ label: 'Time' }, { label: 'Actor' }, { label: 'Action' }, { label: 'Target' }, { label: 'Details' }],
  loadErrorTitle: 'Could not load the audit log',
  refreshErrorTitle: 'Could not refresh the audit log',
  noMatches: { title: 'No entries match these filters', description: 'Try another community, action or target.' },
};

/** Names for actor ids: users (for the instance owner, who may list them) and API keys. */
function useActorNames(): (entry: AuditEntry) => { label: string; sub: string } {
  const user = useUser();
  const owner = isInstanceOwner(user);
  const users = useResource('audit-actors:users', (signal) => api.users.list({ limit: 200, signal }), { enabled: owner });
  const keys = useResource('audit-actors:api-keys', (signal) => api.apiKeys.list({ limit: 200, signal }));
  return useMemo(() => {
    const userNames = new Map((users.data?.items ?? []).map((entry) => [entry.id, entry.name || entry.email]));
    const keyNames = new Map((keys.data?.items ?? []).map((entry) => [entry.id, entry.name]));
    return (entry: AuditEntry) => {
      switch (entry.actorType) {
        case 'user':
          if (entry.actorId === user.id) return { label: 'You', sub: user.email };
          return { label: userNames.get(entry.actorId) ?? 'User', sub: entry.actorId };
        case 'apiKey':
          return { label: keyNames.get(entry.actorId) ?? 'API key', sub: entry.actorId };
        case 'system':
          return { label: 'The hub', sub: 'automatic' };
      }
    };
  }, [users.data, keys.data, user]);
}

export function AuditPage({ location }: { location: Location }) {
  const catalog = useCatalog();
  const actorName = useActorNames();
  const filter = queryFilters(location, '/audit', auditFilterNames);
  const { communityId, action, targetId } = filter.values;

  const list = usePagedList<AuditEntry>(
    `audit:${communityId}:${action}:${targetId}`,
    (request) => api.audit.list({ communityId: communityId || undefined, action: action || undefined, targetId: targetId || undefined }, request),
    { pollMs: POLL_INTERVAL_MS },
  );
  const forbidden = isApiError(list.error) && list.error.status === 403;

  if (forbidden) {
    return (
      <AccessDenied
        page="Audit log"
        title="Admins only"
        description="The audit log shows who changed what. Only admins and owners of a community can read it; ask one of them if you need access."
      />
    );
  }

  return (
    <>
      <PageHeader title="Audit log" description="Who changed what: webhooks, keys, retries and replays, users and communities. Newest first." />
      <PagedTable
        list={list}
        {...table}
        filters={{ ...filter, controls: <AuditFilters filter={filter} /> }}
        empty={{
          icon: <ScrollTextIcon className="size-6" />,
          title: 'Nothing recorded yet',
          description: 'Creating a webhook, an API key or a user, and every retry or replay, is recorded here.',
        }}
        renderRow={(entry) => {
          const actor = actorName(entry);
          const details = compactDetails(entry.details);
          const link = auditTargetLink(entry);
          return (
            <tr key={entry.id} className={`${tableClasses.row} align-top`} data-testid="audit-row">
              <td className={`${tableClasses.td} whitespace-nowrap`}>
                <span className="block text-slate-800">{formatAbsolute(entry.at)}</span>
                <RelativeTime iso={entry.at} className="text-xs text-slate-500" />
              </td>
              <td className={tableClasses.td}>
                <span className="block font-medium text-slate-900">{actor.label}</span>
                <span className="block max-w-48 truncate font-mono text-[11px] text-slate-400" title={actor.sub}>
                  {actor.sub}
                </span>
              </td>
              <td className={tableClasses.td}>
                <Badge tone={auditActionTone(entry.action)}>
                  <span className="font-mono">{entry.action}</span>
                </Badge>
              </td>
              <td className={tableClasses.td}>
                <span className="block text-xs text-slate-500">
                  {entry.targetType} · {entry.communityId ? catalog.communityName(entry.communityId) : 'Instance'}
                </span>
                {link ? (
                  <Link to={link} className="font-mono text-xs font-medium text-indigo-600 hover:text-indigo-500">
                    {entry.targetId}
                  </Link>
                ) : (
                  <span className="font-mono text-xs text-slate-800">{entry.targetId === '*' ? '* (many)' : entry.targetId}</span>
                )}
              </td>
              <td className={`${tableClasses.td} max-w-md`}>
                {details ? (
                  <code className="line-clamp-2 font-mono text-xs break-all text-slate-600" title={details}>
                    {details}
                  </code>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
            </tr>
          );
        }}
      />
    </>
  );
}
