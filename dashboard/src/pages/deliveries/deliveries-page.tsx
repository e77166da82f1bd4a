import { useCallback, useState } from 'react';
import { api, errorMessage } from '../../api/client.ts';
import { deliveryStatuses, type Delivery, type DeliveryStatus } from '../../api/types.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { canManage } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { DeliveryStatusBadge, ResponseCode, deliveryStatusLabel } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { useConfirm } from '../../components/confirm.tsx';
import { EmptyState, ErrorBanner, TableSkeleton } from '../../components/feedback.tsx';
import { DateTimeFilter, FilterSelect } from '../../components/form-controls.tsx';
import { ActivityIcon, RetryIcon } from '../../components/icons.tsx';
import { Card, FilterBar, PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { RelativeTime, formatAbsolute, validIso } from '../../components/time.tsx';
import { useToast } from '../../components/toast.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS } from '../../hooks/use-resource.ts';
import { useWebhookDirectory } from '../../hooks/use-webhook-directory.ts';
import { href, navigate, type Location } from '../../router/hash-router.ts';
import { bulkRetryFilter, countDeliveries, describeBulkRetry } from './bulk-retry.ts';
import { DeliveryDrawer } from './delivery-drawer.tsx';

const isStatus = (value: string): value is DeliveryStatus => (deliveryStatuses as readonly string[]).includes(value);

/** A bulk retry reads this many matching deliveries first to say how many there are. */
const COUNT_LIMIT = 200;

export function DeliveriesPage({ location }: { location: Location }) {
  const user = useUser();
  const catalog = useCatalog();
  const directory = useWebhookDirectory();
  const statusParam = location.query.get('status') ?? '';
  const status = isStatus(statusParam) ? statusParam : undefined;
  const eventType = location.query.get('eventType') ?? '';
  const webhookId = location.query.get('webhookId') ?? '';
  const since = validIso(location.query.get('since'));
  const until = validIso(location.query.get('until'));
  const openId = location.query.get('id');
  const filters = { status: status ?? '', eventType, webhookId, since, until };
  const filtered = status !== undefined || eventType !== '' || webhookId !== '' || since !== '' || until !== '';
  const go = (changes: Record<string, string | null>) => navigate(href('/deliveries', { ...filters, id: openId, ...changes }), { replace: true });
  const toast = useToast();
  const confirm = useConfirm();
  const [retryingAll, setRetryingAll] = useState(false);

  const list = usePagedList<Delivery>(
    `deliveries:${status ?? ''}:${eventType}:${webhookId}:${since}:${until}`,
    (request) =>
      api.deliveries.list(
        { status, eventType: eventType || undefined, webhookId: webhookId || undefined, since: since || undefined, until: until || undefined },
        request,
      ),
    { pollMs: POLL_INTERVAL_MS },
  );
  const { reload } = list;
  const retry = useCallback(() => void reload(), [reload]);
  const eventTypes = [...new Set([...catalog.eventTypes.map((entry) => entry.type), ...(eventType ? [eventType] : [])])].sort();

  const retryAll = async () => {
    const body = bulkRetryFilter({ status, eventType, webhookId, since, until });
    const chosen = body.status?.[0] ?? 'dead';
    const kind = chosen === 'dead' ? 'failed' : chosen;
    setRetryingAll(true);
    try {
      // Count first (best effort): the confirmation says how many, and nothing is asked when none match.
      let count: { value: number; more: boolean } | null = null;
      try {
        const page = await api.deliveries.list(
          { status: chosen, eventType: eventType || undefined, webhookId: webhookId || undefined, since: since || undefined, until: until || undefined },
          { limit: COUNT_LIMIT },
        );
        if (page.items.length === 0) {
          toast.info(`No ${kind} deliveries to retry`, filtered ? 'Nothing matches the current filters.' : undefined);
          return;
        }
        count = { value: page.items.length, more: page.nextCursor !== null };
      } catch {
        count = null;
      }
      const scope = [
        webhookId && `webhook ${directory.get(webhookId)?.name ?? webhookId}`,
        eventType && `event type ${eventType}`,
        since && `since ${formatAbsolute(since)}`,
        until && `until ${formatAbsolute(until)}`,
      ].filter((part): part is string => Boolean(part));
      const { title, message } = describeBulkRetry(kind, count, scope);
      setRetryingAll(false);
      const ok = await confirm({
        title,
        message: (
          <>
            <p>{message}</p>
            <p className="mt-2">Receivers may get these events again; the event id lets them skip duplicates.</p>
          </>
        ),
        confirmLabel: 'Retry all',
        destructive: false,
      });
      if (!ok) return;
      setRetryingAll(true);
      const { retried } = await api.deliveries.retryMatching(body);
      if (retried === 0) toast.info('Nothing was retried', 'No delivery matched any more.');
      else toast.success(`Retry queued for ${countDeliveries(retried)}`, 'New attempts appear in the log in a moment.');
      await reload();
    } catch (error) {
      toast.error('Could not retry the deliveries', errorMessage(error));
    } finally {
      setRetryingAll(false);
    }
  };

  const retryAllButton = canManage(user) && status !== 'succeeded' && (
    <Button icon={<RetryIcon className="size-4" />} onClick={() => void retryAll()} busy={retryingAll}>
      Retry all failed
    </Button>
  );

  return (
    <>
      <PageHeader title="Deliveries" description="Every attempt to deliver an event to a webhook, newest first. Updates live." actions={retryAllButton} />
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
          <DateTimeFilter label="Since" value={since} onChange={(value) => go({ since: value })} />
          <DateTimeFilter label="Until" value={until} onChange={(value) => go({ until: value })} />
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
              description="Nothing was delivered with this status, event type or webhook in this time range."
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
