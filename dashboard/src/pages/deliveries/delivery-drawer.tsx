import { useState, type ReactNode } from 'react';
import { api, errorMessage } from '../../api/client.ts';
import type { DeliveryAttempt, DeliveryDetail, Webhook } from '../../api/types.ts';
import { Badge, DeliveryStatusBadge, ResponseCode } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { Drawer } from '../../components/drawer.tsx';
import { ErrorBanner, Skeleton } from '../../components/feedback.tsx';
import { AlertIcon, ChevronRightIcon, RetryIcon } from '../../components/icons.tsx';
import { JsonView } from '../../components/json-view.tsx';
import { RelativeTime, formatAbsolute, formatDuration } from '../../components/time.tsx';
import { useToast } from '../../components/toast.tsx';
import { POLL_INTERVAL_MS, useResource } from '../../hooks/use-resource.ts';
import { Link } from '../../router/link.tsx';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const errorClassLabel = { permanent: 'Permanent', retryable: 'Retryable', rateLimited: 'Rate limited' } as const;

function AttemptCard({ attempt }: { attempt: DeliveryAttempt }) {
  const headers = Object.entries(attempt.requestHeaders);
  return (
    <li className="relative pl-8" data-testid="delivery-attempt">
      <span
        className={`absolute top-1 left-0 flex size-5 items-center justify-center rounded-full text-[10px] font-bold text-white ring-4 ring-white ${
          attempt.success ? 'bg-emerald-500' : attempt.errorClass === 'permanent' ? 'bg-rose-500' : 'bg-amber-500'
        }`}
      >
        {attempt.number}
      </span>
      <div className="rounded-lg ring-1 ring-slate-200">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-100 px-3 py-2 text-sm">
          <span className="font-medium text-slate-900">Attempt {attempt.number}</span>
          {attempt.success ? <Badge tone="green">Succeeded</Badge> : <Badge tone="red">Failed</Badge>}
          {attempt.trigger !== 'auto' && <Badge tone="indigo">{attempt.trigger}</Badge>}
          <span className="ml-auto text-xs text-slate-500" title={formatAbsolute(attempt.startedAt)}>
            <RelativeTime iso={attempt.startedAt} />
          </span>
        </div>
        <dl className="grid grid-cols-3 gap-3 px-3 py-2.5">
          <Detail label="Response">
            <ResponseCode code={attempt.responseCode} />
          </Detail>
          <Detail label="Duration">{formatDuration(attempt.durationMs)}</Detail>
          <Detail label="Next attempt">{attempt.nextAttemptAt ? <RelativeTime iso={attempt.nextAttemptAt} /> : <span className="text-slate-400">—</span>}</Detail>
        </dl>
        {(attempt.errorClass || attempt.errorMessage) && (
          <div className="mx-3 mb-2.5 flex gap-2 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
            <AlertIcon className="mt-0.5 size-4 shrink-0 text-rose-500" />
            <div className="min-w-0">
              {attempt.errorClass && <span className="mr-2 font-medium">{errorClassLabel[attempt.errorClass]}</span>}
              <span className="break-words">{attempt.errorMessage}</span>
            </div>
          </div>
        )}
        {(attempt.responseBody !== null || headers.length > 0) && (
          <div className="space-y-1 border-t border-slate-100 px-3 py-2">
            {attempt.responseBody !== null && (
              <details className="group">
                <summary className="flex cursor-pointer list-none items-center gap-1 text-xs font-medium text-slate-600 hover:text-slate-900">
                  <ChevronRightIcon className="size-3.5 transition group-open:rotate-90" /> Response body
                </summary>
                <pre className="mt-2 max-h-56 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap text-slate-700 ring-1 ring-slate-200">
                  {attempt.responseBody || '(empty)'}
                </pre>
              </details>
            )}
            {headers.length > 0 && (
              <details className="group">
                <summary className="flex cursor-pointer list-none items-center gap-1 text-xs font-medium text-slate-600 hover:text-slate-900">
                  <ChevronRightIcon className="size-3.5 transition group-open:rotate-90" /> Request headers
                </summary>
                <table className="mt-2 w-full font-mono text-xs">
                  <tbody>
                    {headers.map(([name, value]) => (
                      <tr key={name} className="align-top">
                        <td className="py-0.5 pr-3 whitespace-nowrap text-slate-500">{name}</td>
                        <td className="py-0.5 break-all text-slate-800">{value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

function DrawerBody({ detail, webhook }: { detail: DeliveryDetail; webhook: Webhook | undefined }) {
  const { delivery, attempts, event } = detail;
  return (
    <div className="space-y-8">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-3">
        <Detail label="Status">
          <DeliveryStatusBadge status={delivery.status} />
        </Detail>
        <Detail label="Webhook">
          <Link to={`/webhooks/${encodeURIComponent(delivery.webhookId)}`} className="font-medium text-indigo-600 hover:text-indigo-500">
            {webhook?.name ?? delivery.webhookId}
          </Link>
        </Detail>
        <Detail label="Attempts">{delivery.attempts}</Detail>
        <Detail label="Last response">
          <ResponseCode code={delivery.lastResponseCode} />
        </Detail>
        <Detail label="Created">
          <RelativeTime iso={delivery.createdAt} />
        </Detail>
        {delivery.completedAt ? (
          <Detail label="Completed">
            <RelativeTime iso={delivery.completedAt} />
          </Detail>
        ) : (
          <Detail label="Next attempt">
            <RelativeTime iso={delivery.nextAttemptAt} />
          </Detail>
        )}
      </dl>

      {delivery.lastError && (
        <div className="flex gap-3 rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm">
          <AlertIcon className="mt-0.5 size-4 shrink-0 text-rose-500" />
          <div>
            <p className="font-medium text-rose-800">Last error</p>
            <p className="mt-0.5 break-words text-rose-700">{delivery.lastError}</p>
          </div>
        </div>
      )}

      <section>
        <h3 className="mb-3 text-sm font-semibold text-slate-900">Payload</h3>
        <JsonView value={event.payload} label={`${event.type} · ${event.id}`} />
      </section>

      <section>
        <h3 className="mb-3 text-sm font-semibold text-slate-900">Attempts</h3>
        {attempts.length === 0 ? (
          <p className="text-sm text-slate-500">No attempt yet. The first one is queued.</p>
        ) : (
          <ol className="relative space-y-4 before:absolute before:top-2 before:bottom-2 before:left-2.5 before:w-px before:bg-slate-200">
            {[...attempts].reverse().map((attempt) => (
              <AttemptCard key={attempt.id} attempt={attempt} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** One delivery: payload, every attempt with response and error, and a manual retry. */
export function DeliveryDrawer({ id, onClose, webhook, canRetry }: { id: string | null; onClose: () => void; webhook: (id: string) => Webhook | undefined; canRetry: boolean }) {
  const toast = useToast();
  const [retrying, setRetrying] = useState(false);
  const detail = useResource(`delivery:${id ?? ''}`, (signal) => api.deliveries.get(id ?? '', signal), { enabled: id !== null, pollMs: POLL_INTERVAL_MS });
  const delivery = detail.data?.delivery;

  const retry = async () => {
    if (!id) return;
    setRetrying(true);
    try {
      await api.deliveries.retry(id);
      toast.success('Retry queued', 'A new attempt will appear here in a moment.');
      await detail.reload();
    } catch (error) {
      toast.error('Could not retry the delivery', errorMessage(error));
    } finally {
      setRetrying(false);
    }
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={delivery ? <span className="font-mono">{delivery.eventType}</span> : 'Delivery'}
      subtitle={<span className="font-mono text-xs">{id}</span>}
      actions={
        // A succeeded delivery is not retried (the server answers 409); failed and waiting ones are.
        canRetry &&
        delivery &&
        (delivery.status === 'dead' || delivery.status === 'retrying') && (
          <Button size="sm" variant="primary" icon={<RetryIcon className="size-3.5" />} onClick={() => void retry()} busy={retrying}>
            {delivery.status === 'retrying' ? 'Retry now' : 'Retry'}
          </Button>
        )
      }
    >
      {detail.error !== undefined && <ErrorBanner error={detail.error} title="Could not load the delivery" />}
      {detail.loading && (
        <div className="space-y-4" aria-busy="true" aria-label="Loading">
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-48 w-full" />
          <Skeleton className="h-24 w-full" />
        </div>
      )}
      {detail.data && <DrawerBody detail={detail.data} webhook={webhook(detail.data.delivery.webhookId)} />}
    </Drawer>
  );
}
