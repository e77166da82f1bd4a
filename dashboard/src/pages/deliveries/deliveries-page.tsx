import { useCallback } from 'react';
import { api } from '../../api/client.ts';
import { deliveryStatuses, type Delivery, type DeliveryStatus } from '../../api/types.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { canManage } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { DeliveryStatusBadge, ResponseCode, deliveryStatusLabel } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { EmptyState, ErrorBanner, TableSkeleton } from '../../components/feedback.tsx';
import { FilterSelect } from '../../components/form-controls.tsx';
import { ActivityIcon } from '../../components/icons.tsx';
import { Card, FilterBar, PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { RelativeTime } from '../../components/time.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS } from '../../hooks/use-resource.ts';
import { useWebhookDirectory } from '../../hooks/use-webhook-directory.ts';
import { href, navigate, type Location } from '../../router/hash-router.ts';
import { DeliveryDrawer } from './delivery-drawer.tsx';

const isStatus = (value: string): value is DeliveryStatus => (deliveryStatuses as readonly string[]).includes(value);

export function DeliveriesPage({ location }: { location: Location }) {
  const user = useUser();
  const catalog = useCatalog();
  const directory = useWebhookDirectory();
  const statusParam = location.query.get('status') ?? '';
  const status = isStatus(statusParam) ? statusParam : undefined;
  const eventType = location.query.get('eventType') ?? '';
  const webhookId = location.query.get('webhookId') ?? '';
  const openId = location.query.get('id');
  const filters = { status: status ?? '', eventType, webhookId };
  const filtered = status !== undefined || eventType !== '' || webhookId !== '';
  const go = (changes: Record<string, string | null>) => navigate(href('/deliveries', { ...filters, id: openId, ...changes }), { replace: true });

  const list = usePagedList<Delivery>(
    `deliveries:${status ?? ''}:${eventType}:${webhookId}`,
    (request) => api.deliveries.list({ status, eventType: eventType || undefined, webhookId: webhookId || undefined }, request),
    { pollMs: POLL_INTERVAL_MS },
  );
  const { reload } = list;
  const retry = useCallback(() => void reload(), [reload]);
  const eventTypes = [...new Set([...catalog.eventTypes.map((entry) => entry.type), ...(eventType ? [eventType] : [])])].sort();

  return (
    <>
      <PageHeader title="Deliveries" description="Every attempt to deliver an event to a webhook, newest first. Updates live." />
      {list.error !== undefined && list.items.length > 0 && (
        <div className="mb-4">
          <ErrorBanner error={list.error} title="Could not refresh the log" />
        </div>
      )}
      <Card className="overflow-hidden">
        <FilterBar>
          <FilterSelect label="Status" value={status ?? ''} onChange={(value) => go({ status: value })} className="w-40">
            <option value="">All statuses</option>
            <option value="succeeded">{deliveryStatusLabel('succeeded')}</option>
            <option value="dead">{deliveryStatusLabel('dead')}</option>
            <option value="retrying">{deliveryStatusLabel('retrying')}</option>
            <option value="pending">{deliveryStatusLabel('pending')}</option>
          </FilterSelect>
          <FilterSelect label="Event type" value={eventType} onChange={(value) => go({ eventType: value })} className="w-52">
            <option value="">All event types</option>
            {eventTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Webhook" value={webhookId} onChange={(value) => go({ webhookId: value })} className="w-56">
            <option value="">All webhooks</option>
            {directory.webhooks.map((webhook) => (
              <option key={webhook.id} value={webhook.id}>
                {webhook.name}
              </option>
            ))}
            {webhookId && !directory.get(webhookId) && <option value={webhookId}>{webhookId}</option>}
          </FilterSelect>
          {filtered && (
            <Button variant="ghost" size="sm" onClick={() => navigate('/deliveries', { replace: true })} className="mb-0.5">
              Clear filters
            </Button>
          )}
        </FilterBar>

        {list.loading ? (
          <TableSkeleton columns={6} />
        ) : list.error !== undefined && list.items.length === 0 ? (
          <div className="p-4">
            <ErrorBanner error={list.error} title="Could not load deliveries" action={<Button size="sm" onClick={retry}>Try again</Button>} />
          </div>
        ) : list.items.length === 0 ? (
          filtered ? (
            <EmptyState
              icon={<ActivityIcon className="size-6" />}
              title="No deliveries match these filters"
              description="Nothing was delivered with this status, event type or webhook yet."
              action={<Button onClick={() => navigate('/deliveries', { replace: true })}>Clear filters</Button>}
            />
          ) : (
            <EmptyState
              icon={<ActivityIcon className="size-6" />}
              title="No deliveries yet"
              description="When an event matches a webhook, each delivery and its attempts show up here. Send a test from the webhooks page to see one."
              action={<Button onClick={() => navigate('/webhooks')}>Go to webhooks</Button>}
            />
          )
        ) : (
          <div className="overflow-x-auto">
            <table className={tableClasses.table}>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={tableClasses.th}>Status</th>
                  <th scope="col" className={tableClasses.th}>Event type</th>
                  <th scope="col" className={tableClasses.th}>Webhook</th>
                  <th scope="col" className={`${tableClasses.th} text-right`}>Attempts</th>
                  <th scope="col" className={tableClasses.th}>Response</th>
                  <th scope="col" className={tableClasses.th}>Time</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white text-slate-700">
                {list.items.map((delivery) => (
                  <tr
                    key={delivery.id}
                    className={`${tableClasses.row} cursor-pointer ${openId === delivery.id ? 'bg-indigo-50/50' : ''}`}
                    onClick={() => go({ id: delivery.id })}
                    data-testid="delivery-row"
                  >
                    <td className={tableClasses.td}>
                      <DeliveryStatusBadge status={delivery.status} />
                    </td>
                    <td className={`${tableClasses.td} font-mono text-xs text-slate-800`}>{delivery.eventType}</td>
                    <td className={tableClasses.td}>{directory.get(delivery.webhookId)?.name ?? <span className="font-mono text-xs text-slate-500">{delivery.webhookId}</span>}</td>
                    <td className={`${tableClasses.td} text-right tabular-nums`}>{delivery.attempts}</td>
                    <td className={tableClasses.td}>
                      <div className="flex min-w-0 items-center gap-2">
                        <ResponseCode code={delivery.lastResponseCode} />
                        {delivery.lastError && (
                          <span className="max-w-56 truncate text-xs text-rose-600" title={delivery.lastError}>
                            {delivery.lastError}
                          </span>
                        )}
                      </div>
                    </td>
                    <td className={`${tableClasses.td} text-slate-500`}>
                      <RelativeTime iso={delivery.createdAt} />
                      {delivery.status === 'retrying' && delivery.nextAttemptAt && (
                        <span className="block text-xs text-amber-700">
                          next <RelativeTime iso={delivery.nextAttemptAt} />
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
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
      <DeliveryDrawer id={openId} onClose={() => go({ id: null })} webhook={directory.get} canRetry={canManage(user)} />
    </>
  );
}
