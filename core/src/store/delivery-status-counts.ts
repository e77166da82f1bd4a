import type { DeliveryFilter, DeliveryStatus } from './ports.ts';

/** Every status, so counts always carry all four keys even when a status has no rows. */
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'retrying', 'succeeded', 'dead'];

export function zeroStatusCounts(): Record<DeliveryStatus, number> {
  return { pending: 0, retrying: 0, succeeded: 0, dead: 0 };
}

export function isDeliveryStatus(value: unknown): value is DeliveryStatus {
  return typeof value === 'string' && (DELIVERY_STATUSES as readonly string[]).includes(value);
}

/** `DeliveryFilter.status` may be one status or several; adapters always want a list. */
export function statusList(status: DeliveryFilter['status']): readonly DeliveryStatus[] | undefined {
  if (status === undefined) return undefined;
  return typeof status === 'string' ? [status] : status;
}
