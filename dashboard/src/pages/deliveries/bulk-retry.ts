import type { BulkRetryFilter, DeliveryStatus } from '../../api/types.ts';

export interface DeliveryFilters {
  readonly status?: DeliveryStatus | undefined;
  readonly eventType: string;
  readonly webhookId: string;
  readonly since: string;
  readonly until: string;
}

/**
 * The `POST /deliveries/retry` body for the filters on screen. Without a status the server
 * retries dead deliveries; a succeeded delivery is never retried, so that status is not sent.
 */
export function bulkRetryFilter({ status, eventType, webhookId, since, until }: DeliveryFilters): BulkRetryFilter {
  return {
    ...(status && status !== 'succeeded' ? { status: [status] } : {}),
    ...(webhookId ? { webhookId } : {}),
    ...(eventType ? { eventType } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

export const countDeliveries = (count: number) => `${count} ${count === 1 ? 'delivery' : 'deliveries'}`;

/** How a bulk retry describes what it is about to do; `count` is null when unknown, `more` when there are more than it. */
export function describeBulkRetry(
  kind: string,
  count: { readonly value: number; readonly more: boolean } | null,
  scope: readonly string[],
): { title: string; message: string } {
  const matching = scope.length > 0 ? ` matching ${scope.join(', ')}` : '';
  if (count === null) return { title: `Retry all ${kind} deliveries?`, message: `Every ${kind} delivery${matching} gets a new attempt now.` };
  if (count.more) return { title: `Retry more than ${count.value} ${kind} deliveries?`, message: `More than ${count.value} ${kind} deliveries${matching} get a new attempt now.` };
  if (count.value === 1) return { title: `Retry 1 ${kind} delivery?`, message: `The ${kind} delivery${matching} gets a new attempt now.` };
  return { title: `Retry ${count.value} ${kind} deliveries?`, message: `All ${count.value} ${kind} deliveries${matching} get a new attempt now.` };
}
