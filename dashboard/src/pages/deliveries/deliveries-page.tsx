import { useState } from 'react';
import { api, errorMessage } from '../../api/client.ts';
import { deliveryStatuses, type Delivery, type DeliveryStatus } from '../../api/types.ts';
import { canManage } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { DeliveryStatusBadge, ResponseCode } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { useConfirm } from '../../components/confirm.tsx';
import { ActivityIcon, RetryIcon } from '../../components/icons.tsx';
import { PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { PagedTable, type TableSpec } from '../../components/paged-table.tsx';
import { RelativeTime, formatAbsolute, validIso } from '../../components/time.tsx';
import { useToast } from '../../components/toast.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS } from '../../hooks/use-resource.ts';
import { useWebhookDirectory } from '../../hooks/use-webhook-directory.ts';
import { navigate, type Location } from '../../router/hash-router.ts';
import { queryFilters } from '../../router/query-filters.ts';
import { bulkRetryFilter, countDeliveries, describeBulkRetry } from './bulk-retry.ts';
import { DeliveryDrawer } from './delivery-drawer.tsx';
import { DeliveryFilters, deliveryFilterNames } from './delivery-filters.tsx';

const isStatus = (value: string): value is DeliveryStatus => (deliveryStatuses as readonly string[]).includes(value);

const table: TableSpec = {
  columns: [
    { label: 'Status' },
    { label: 'Event type' },
    { label: 'Webhook' },
    { label: 'Attempts', align: 'right' },
    { label: 'Response' },
    { label: 'Time' },
  ],
  loadErrorTitle: 'Could not load deliveries',
  refreshErrorTitle: 'Could not refresh the log',
  noMatches: {
    title: 'No deliveries match these filters',
    description: 'Nothing was delivered with this status, event type or webhook in this time range.',
  },
};

/** A bulk retry reads this many matching deliveries first to say how many there are. */
const COUNT_LIMIT = 200;

export function DeliveriesPage({ location }: { location: Location }) {
  const user = useUser();
  const directory = useWebhookDirectory();
  const openId = location.query.get('id');
  const filter = queryFilters(location, '/deliveries', deliveryFilterNames, {
    parse: { status: (raw) => (isStatus(raw) ? raw : ''), since: validIso, until: validIso },
    extra: { id: openId },
  });
  const { eventType, webhookId, since, until } = filter.values;
  const status = isStatus(filter.values.status) ? filter.values.status : undefined;
  const { go } = filter;
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
          toast.info(`No ${kind} deliveries to retry`, filter.active ? 'Nothing matches the current filters.' : undefined);
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
      <PagedTable
        list={list}
        {...table}
        filters={{ ...filter, controls: <DeliveryFilters filter={filter} directory={directory} /> }}
        empty={{
          icon: <ActivityIcon className="size-6" />,
          title: 'No deliveries yet',
          description: 'When an event matches a webhook, each delivery and its attempts show up here. Send a test from the webhooks page to see one.',
          action: <Button onClick={() => navigate('/webhooks')}>Go to webhooks</Button>,
        }}
        renderRow={(delivery) => (
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
        )}
      />
      <DeliveryDrawer id={openId} onClose={() => go({ id: null })} webhook={directory.get} canRetry={canManage(user)} />
    </>
  );
}
