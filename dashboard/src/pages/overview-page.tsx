import { useState, type ReactNode } from 'react';
import { api, isApiError } from '../api/client.ts';
import type { Stats } from '../api/types.ts';
import { useCatalog } from '../auth/catalog.tsx';
import { canManage } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { DeliveryStatusBadge, ResponseCode } from '../components/badge.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner, Skeleton } from '../components/feedback.tsx';
import { ActivityIcon, ChevronRightIcon, PlusIcon, WebhookIcon } from '../components/icons.tsx';
import { Card, PageHeader } from '../components/layout-parts.tsx';
import { RelativeTime } from '../components/time.tsx';
import { POLL_INTERVAL_MS, useResource } from '../hooks/use-resource.ts';
import { useWebhookDirectory } from '../hooks/use-webhook-directory.ts';
import { href, navigate } from '../router/hash-router.ts';
import { Link } from '../router/link.tsx';

const percent = (ratio: number) => `${(ratio * 100).toFixed(1).replace(/\.0$/, '')}%`;

function StatCard({ label, value, hint, tone = 'text-slate-900' }: { label: string; value: ReactNode; hint?: ReactNode; tone?: string }) {
  return (
    <Card className="px-5 py-4">
      <p className="text-sm font-medium text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tracking-tight tabular-nums ${tone}`}>{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </Card>
  );
}

function StatsCards({ stats }: { stats: Stats }) {
  const { deliveries, queue } = stats;
  const total = deliveries.succeeded + deliveries.dead + deliveries.retrying + deliveries.pending;
  const segments = [
    { key: 'succeeded', count: deliveries.succeeded, color: 'bg-emerald-500', label: 'Succeeded' },
    { key: 'retrying', count: deliveries.retrying, color: 'bg-amber-400', label: 'Retrying' },
    { key: 'pending', count: deliveries.pending, color: 'bg-sky-400', label: 'Pending' },
    { key: 'dead', count: deliveries.dead, color: 'bg-rose-500', label: 'Failed' },
  ];
  return (
    <div className="space-y-4" data-testid="stats">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Success rate" value={percent(stats.successRate)} tone="text-emerald-600" hint={`${total.toLocaleString()} deliveries`} />
        <StatCard label="Failure rate" value={percent(stats.failureRate)} tone={stats.failureRate > 0.05 ? 'text-rose-600' : 'text-slate-900'} hint={`${deliveries.dead.toLocaleString()} failed for good`} />
        <StatCard label="Retries" value={stats.retryCount.toLocaleString()} hint={`${deliveries.retrying.toLocaleString()} deliveries waiting to retry`} />
        <StatCard
          label="Queue"
          value={(queue.waiting + queue.active + queue.delayed).toLocaleString()}
          hint={`${queue.active} active · ${queue.waiting} waiting · ${queue.delayed} delayed`}
        />
      </div>
      {total > 0 && (
        <Card className="px-5 py-4">
          <div className="flex h-2.5 overflow-hidden rounded-full bg-slate-100">
            {segments.map((segment) =>
              segment.count > 0 ? <div key={segment.key} className={segment.color} style={{ width: `${(segment.count / total) * 100}%` }} /> : null,
            )}
          </div>
          <div className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
            {segments.map((segment) => (
              <Link key={segment.key} to={href('/deliveries', { status: segment.key })} className="inline-flex items-center gap-1.5 hover:text-slate-900">
                <span className={`size-2 rounded-full ${segment.color}`} />
                {segment.label} <span className="font-medium tabular-nums">{segment.count.toLocaleString()}</span>
              </Link>
            ))}
          </div>
        </Card>
      )}
    </div>
  );
}

export function OverviewPage() {
  const user = useUser();
  const catalog = useCatalog();
  const directory = useWebhookDirectory();
  // The stats endpoint may not exist on every server version: any failure just hides the cards.
  const [statsUnavailable, setStatsUnavailable] = useState(false);
  const stats = useResource(
    'stats',
    async (signal) => {
      try {
        return await api.stats.get(signal);
      } catch (error) {
        if (isApiError(error) && (error.status === 404 || error.status === 501)) setStatsUnavailable(true);
        throw error;
      }
    },
    { pollMs: statsUnavailable ? undefined : POLL_INTERVAL_MS },
  );
  const recent = useResource('recent-deliveries', (signal) => api.deliveries.list({}, { limit: 8, signal }), { pollMs: POLL_INTERVAL_MS });
  const failed = useResource('recent-failed', (signal) => api.deliveries.list({ status: 'dead' }, { limit: 5, signal }), { pollMs: POLL_INTERVAL_MS });
  const webhooks = directory.webhooks;
  const activeCount = webhooks.filter((webhook) => webhook.active).length;
  const disabled = webhooks.filter((webhook) => !webhook.active && webhook.disabledReason);

  return (
    <>
      <PageHeader
        title="Overview"
        description="Delivery health across your webhooks. Updates every few seconds."
        actions={
          canManage(user) && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => navigate('/webhooks/new')}>
              New webhook
            </Button>
          )
        }
      />
      <div className="space-y-8">
        {stats.loading ? (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {[0, 1, 2, 3].map((index) => (
              <Card key={index} className="space-y-3 px-5 py-4">
                <Skeleton className="h-4 w-24" />
                <Skeleton className="h-7 w-16" />
              </Card>
            ))}
          </div>
        ) : stats.data ? (
          <StatsCards stats={stats.data} />
        ) : null}

        {disabled.length > 0 && (
          <div className="space-y-2">
            {disabled.map((webhook) => (
              <ErrorBanner
                key={webhook.id}
                error={new Error(webhook.disabledReason ?? '')}
                title={`${webhook.name} was disabled`}
                action={
                  <Button size="sm" onClick={() => navigate(`/webhooks/${encodeURIComponent(webhook.id)}`)}>
                    Review
                  </Button>
                }
              />
            ))}
          </div>
        )}

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3.5">
              <h2 className="text-sm font-semibold text-slate-900">Recent deliveries</h2>
              <Link to="/deliveries" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
                View all
              </Link>
            </div>
            {recent.loading ? (
              <div className="space-y-3 p-5">
                {[0, 1, 2, 3].map((index) => (
                  <Skeleton key={index} className="h-5 w-full" />
                ))}
              </div>
            ) : recent.error !== undefined ? (
              <div className="p-4">
                <ErrorBanner error={recent.error} title="Could not load deliveries" />
              </div>
            ) : (recent.data?.items.length ?? 0) === 0 ? (
              <div className="flex flex-col items-center px-5 py-10 text-center">
                <ActivityIcon className="size-6 text-slate-300" />
                <p className="mt-2 text-sm text-slate-500">No deliveries yet. They appear here as events reach your webhooks.</p>
              </div>
            ) : (
              <ul className="divide-y divide-slate-100">
                {recent.data?.items.map((delivery) => (
                  <li key={delivery.id}>
                    <Link to={href('/deliveries', { id: delivery.id })} className="flex items-center gap-4 px-5 py-2.5 text-sm hover:bg-slate-50">
                      <span className="w-24 shrink-0">
                        <DeliveryStatusBadge status={delivery.status} />
                      </span>
                      <span className="w-44 shrink-0 truncate font-mono text-xs text-slate-800">{delivery.eventType}</span>
                      <span className="min-w-0 flex-1 truncate text-slate-600">{directory.get(delivery.webhookId)?.name ?? delivery.webhookId}</span>
                      <ResponseCode code={delivery.lastResponseCode} />
                      <span className="w-24 shrink-0 text-right text-xs text-slate-500">
                        <RelativeTime iso={delivery.createdAt} />
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <div className="space-y-6">
            <Card>
              <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3.5">
                <h2 className="text-sm font-semibold text-slate-900">Webhooks</h2>
                <Link to="/webhooks" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
                  Manage
                </Link>
              </div>
              {webhooks.length === 0 ? (
                <div className="px-5 py-6 text-center">
                  <WebhookIcon className="mx-auto size-6 text-slate-300" />
                  <p className="mt-2 text-sm text-slate-500">Create your first webhook to start delivering events.</p>
                  <Button className="mt-4" size="sm" variant="primary" icon={<PlusIcon className="size-3.5" />} onClick={() => navigate('/webhooks/new')}>
                    New webhook
                  </Button>
                </div>
              ) : (
                <dl className="grid grid-cols-2 divide-x divide-slate-100">
                  <div className="px-5 py-4">
                    <dt className="text-xs font-medium text-slate-500">Active</dt>
                    <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{activeCount}</dd>
                  </div>
                  <div className="px-5 py-4">
                    <dt className="text-xs font-medium text-slate-500">Disabled</dt>
                    <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{webhooks.length - activeCount}</dd>
                  </div>
                </dl>
              )}
            </Card>

            <Card>
              <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3.5">
                <h2 className="text-sm font-semibold text-slate-900">Recent failures</h2>
                <Link to={href('/deliveries', { status: 'dead' })} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
                  View
                </Link>
              </div>
              {(failed.data?.items.length ?? 0) === 0 ? (
                <p className="px-5 py-6 text-center text-sm text-slate-500">{failed.loading ? 'Loading…' : 'No failed deliveries.'}</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {failed.data?.items.map((delivery) => (
                    <li key={delivery.id}>
                      <Link to={href('/deliveries', { id: delivery.id, status: 'dead' })} className="flex items-center gap-2 px-5 py-2.5 hover:bg-slate-50">
                        <div className="min-w-0 flex-1">
                          <p className="truncate font-mono text-xs text-slate-800">{delivery.eventType}</p>
                          <p className="truncate text-xs text-rose-600">{delivery.lastError ?? `HTTP ${delivery.lastResponseCode ?? '—'}`}</p>
                        </div>
                        <ChevronRightIcon className="size-4 shrink-0 text-slate-400" />
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        </div>
        {catalog.error !== undefined && <ErrorBanner error={catalog.error} title="Could not load connectors" />}
      </div>
    </>
  );
}
