import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { HubEvent, Webhook } from '../../api/types.ts';
import { canManage } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { Badge, DeliveryStatusBadge, ResponseCode } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { Drawer } from '../../components/drawer.tsx';
import { ErrorBanner, Skeleton } from '../../components/feedback.tsx';
import { ChevronRightIcon, RetryIcon, ZapIcon } from '../../components/icons.tsx';
import { JsonView } from '../../components/json-view.tsx';
import { PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { PagedTable, type TableSpec } from '../../components/paged-table.tsx';
import { RelativeTime, validIso } from '../../components/time.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS, useResource } from '../../hooks/use-resource.ts';
import { useWebhookDirectory } from '../../hooks/use-webhook-directory.ts';
import { href, navigate, type Location } from '../../router/hash-router.ts';
import { queryFilters } from '../../router/query-filters.ts';
import { Link } from '../../router/link.tsx';
import { sourceLabel } from '../webhooks/event-patterns.ts';
import { EventFilters, eventFilterNames } from './event-filters.tsx';
import { ReplayModal } from './replay-modal.tsx';

const table: TableSpec = {
  columns: [{ label: 'Type' }, { label: 'Source' }, { label: 'Received' }, { label: 'Processed' }],
  loadErrorTitle: 'Could not load events',
  refreshErrorTitle: 'Could not refresh events',
  noMatches: { title: 'No events match these filters', description: 'Try another source, type or time range.' },
};

function ProcessedBadge({ processed }: { processed: boolean }) {
  return processed ? (
    <Badge tone="green" dot>
      Processed
    </Badge>
  ) : (
    <Badge tone="blue" dot>
      Queued
    </Badge>
  );
}

function EventDrawer({
  id,
  onClose,
  webhook,
  webhooks,
}: {
  id: string | null;
  onClose: () => void;
  webhook: (id: string) => Webhook | undefined;
  webhooks: readonly Webhook[];
}) {
  const user = useUser();
  const [replaying, setReplaying] = useState<HubEvent | null>(null);
  const detail = useResource(`event:${id ?? ''}`, (signal) => api.events.get(id ?? '', signal), { enabled: id !== null, pollMs: POLL_INTERVAL_MS });
  const event = detail.data?.event;
  const { reload } = detail;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={event ? <span className="font-mono">{event.type}</span> : 'Event'}
      subtitle={<span className="font-mono text-xs">{id}</span>}
      actions={
        event &&
        canManage(user, event.communityId) && (
          <Button size="sm" variant="primary" icon={<RetryIcon className="size-3.5" />} onClick={() => setReplaying(event)}>
            Replay
          </Button>
        )
      }
    >
      <ReplayModal event={replaying} webhooks={webhooks} onClose={() => setReplaying(null)} onReplayed={() => void reload()} />
      {detail.error !== undefined && <ErrorBanner error={detail.error} title="Could not load the event" />}
      {detail.loading && (
        <div className="space-y-4" aria-busy="true" aria-label="Loading">
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-56 w-full" />
        </div>
      )}
      {detail.data && event && (
        <div className="space-y-8">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-4">
            <div>
              <dt className="text-xs font-medium text-slate-500">Source</dt>
              <dd className="mt-1 text-sm text-slate-900">{sourceLabel(event.source)}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-slate-500">Occurred</dt>
              <dd className="mt-1 text-sm text-slate-900">
                <RelativeTime iso={event.occurredAt} />
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-slate-500">Received</dt>
              <dd className="mt-1 text-sm text-slate-900">
                <RelativeTime iso={event.receivedAt} />
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-slate-500">Fan-out</dt>
              <dd className="mt-1">
                <ProcessedBadge processed={event.processed} />
              </dd>
            </div>
          </dl>
          <section>
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Payload</h3>
            <JsonView value={event.payload} label="Envelope as delivered" />
          </section>
          <section>
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Deliveries</h3>
            {detail.data.deliveries.length === 0 ? (
              <p className="text-sm text-slate-500">{event.processed ? 'No webhook subscribes to this event type.' : 'Not fanned out yet.'}</p>
            ) : (
              <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
                {detail.data.deliveries.map((delivery) => (
                  <li key={delivery.id}>
                    <Link to={href('/deliveries', { id: delivery.id })} className="flex items-center gap-3 px-3 py-2.5 text-sm hover:bg-slate-50">
                      <DeliveryStatusBadge status={delivery.status} />
                      <span className="min-w-0 flex-1 truncate font-medium text-slate-800">{webhook(delivery.webhookId)?.name ?? delivery.webhookId}</span>
                      <span className="text-xs text-slate-500">
                        {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
                      </span>
                      <ResponseCode code={delivery.lastResponseCode} />
                      <ChevronRightIcon className="size-4 text-slate-400" />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </Drawer>
  );
}

export function EventsPage({ location }: { location: Location }) {
  const directory = useWebhookDirectory();
  const openId = location.query.get('id');
  const filter = queryFilters(location, '/events', eventFilterNames, { parse: { since: validIso, until: validIso }, extra: { id: openId } });
  const { type, source, since, until } = filter.values;
  const { go } = filter;

  const list = usePagedList<HubEvent>(
    `events:${type}:${source}:${since}:${until}`,
    (request) => api.events.list({ type: type || undefined, source: source || undefined, since: since || undefined, until: until || undefined }, request),
    { pollMs: POLL_INTERVAL_MS },
  );

  return (
    <>
      <PageHeader title="Events" description="Everything the hub received, from your apps and from source connectors such as GitHub." />
      <PagedTable
        list={list}
        {...table}
        filters={{ ...filter, controls: <EventFilters filter={filter} /> }}
        empty={{
          icon: <ZapIcon className="size-6" />,
          title: 'No events yet',
          description: (
            <>
                Publish one with <code className="rounded bg-slate-100 px-1 font-mono text-xs">POST /api/v1/events</code> and an API key, or connect a GitHub repository.
            </>
          ),
          action: <Button onClick={() => navigate('/api-keys')}>Create an API key</Button>,
        }}
        renderRow={(event) => (
          <tr
            key={event.id}
            className={`${tableClasses.row} cursor-pointer ${openId === event.id ? 'bg-indigo-50/50' : ''}`}
            onClick={() => go({ id: event.id })}
            data-testid="event-row"
          >
            <td className={tableClasses.td}>
              <span className="font-mono text-xs font-medium text-slate-800">{event.type}</span>
              <span className="block font-mono text-[11px] text-slate-400">{event.id}</span>
            </td>
            <td className={tableClasses.td}>{sourceLabel(event.source)}</td>
            <td className={`${tableClasses.td} text-slate-500`}>
              <RelativeTime iso={event.receivedAt} />
            </td>
            <td className={tableClasses.td}>
              <ProcessedBadge processed={event.processed} />
            </td>
          </tr>
        )}
      />
      <EventDrawer id={openId} onClose={() => go({ id: null })} webhook={directory.get} webhooks={directory.webhooks} />
    </>
  );
}
