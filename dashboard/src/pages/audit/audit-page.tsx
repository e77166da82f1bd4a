import { useCallback, useMemo } from 'react';
import { api, isApiError } from '../../api/client.ts';
import type { AuditEntry } from '../../api/types.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { isInstanceOwner } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { EmptyState, ErrorBanner, TableSkeleton } from '../../components/feedback.tsx';
import { FilterSelect, FilterText } from '../../components/form-controls.tsx';
import { LockIcon, ScrollTextIcon } from '../../components/icons.tsx';
import { Card, FilterBar, PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { RelativeTime, formatAbsolute } from '../../components/time.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS, useResource } from '../../hooks/use-resource.ts';
import { href, navigate, type Location } from '../../router/hash-router.ts';
import { Link } from '../../router/link.tsx';
import { auditActionTone, auditTargetLink, compactDetails, knownAuditActions } from './audit-format.ts';

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
  const communityId = location.query.get('communityId') ?? '';
  const action = location.query.get('action') ?? '';
  const targetId = location.query.get('targetId') ?? '';
  const filtered = communityId !== '' || action !== '' || targetId !== '';
  const go = (changes: Record<string, string | null>) => navigate(href('/audit', { communityId, action, targetId, ...changes }), { replace: true });
  const clear = () => navigate('/audit', { replace: true });

  const list = usePagedList<AuditEntry>(
    `audit:${communityId}:${action}:${targetId}`,
    (request) => api.audit.list({ communityId: communityId || undefined, action: action || undefined, targetId: targetId || undefined }, request),
    { pollMs: POLL_INTERVAL_MS },
  );
  const { reload } = list;
  const retry = useCallback(() => void reload(), [reload]);
  const forbidden = isApiError(list.error) && list.error.status === 403;
  const actions = [...new Set([...knownAuditActions, ...(action ? [action] : [])])].sort();

  if (forbidden) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Card>
          <EmptyState
            icon={<LockIcon className="size-6" />}
            title="Admins only"
            description="The audit log shows who changed what. Only admins and owners of a community can read it; ask one of them if you need access."
            action={<Button onClick={() => navigate('/')}>Back to the overview</Button>}
          />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Audit log" description="Who changed what: webhooks, keys, retries and replays, users and communities. Newest first." />
      {list.error !== undefined && list.items.length > 0 && (
        <div className="mb-4">
          <ErrorBanner error={list.error} title="Could not refresh the audit log" />
        </div>
      )}
      <Card className="overflow-hidden">
        <FilterBar>
          <FilterSelect label="Community" value={communityId} onChange={(value) => go({ communityId: value })} className="w-52">
            <option value="">All communities</option>
            {catalog.communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
            {communityId && !catalog.communities.some((community) => community.id === communityId) && <option value={communityId}>{communityId}</option>}
          </FilterSelect>
          <FilterSelect label="Action" value={action} onChange={(value) => go({ action: value })} className="w-56">
            <option value="">All actions</option>
            {actions.map((entry) => (
              <option key={entry} value={entry}>
                {entry}
              </option>
            ))}
          </FilterSelect>
          <FilterText label="Target id" value={targetId} onChange={(value) => go({ targetId: value })} placeholder="wh_…, dlv_…, usr_…" className="w-64" />
          {filtered && (
            <Button variant="ghost" size="sm" onClick={clear} className="mb-0.5">
              Clear filters
            </Button>
          )}
        </FilterBar>

        {list.loading ? (
          <TableSkeleton columns={5} />
        ) : list.error !== undefined && list.items.length === 0 ? (
          <div className="p-4">
            <ErrorBanner error={list.error} title="Could not load the audit log" action={<Button size="sm" onClick={retry}>Try again</Button>} />
          </div>
        ) : list.items.length === 0 ? (
          <EmptyState
            icon={<ScrollTextIcon className="size-6" />}
            title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'}
            description={filtered ? 'Try another community, action or target.' : 'Creating a webhook, an API key or a user, and every retry or replay, is recorded here.'}
            action={filtered ? <Button onClick={clear}>Clear filters</Button> : undefined}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className={tableClasses.table}>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={tableClasses.th}>Time</th>
                  <th scope="col" className={tableClasses.th}>Actor</th>
                  <th scope="col" className={tableClasses.th}>Action</th>
                  <th scope="col" className={tableClasses.th}>Target</th>
                  <th scope="col" className={tableClasses.th}>Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white text-slate-700">
                {list.items.map((entry) => {
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
                })}
              </tbody>
            </table>
          </div>
        )}
        {list.hasMore && (
          <div className="border-t border-slate-100 px-4 py-3 text-center">
            <Button size="sm" onClick={() => void list.loadMore()} busy={list.loadingMore}>
              Load more
            </Button>
          </div>
        )}
      </Card>
    </>
  );
}
