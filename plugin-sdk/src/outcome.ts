/**
 * How a delivery attempt ended, as a sink reports it. Core maps it onto the retry policy:
 * `ok` ends the delivery; `permanent` ends it as failed (and, with `disableWebhook`, disables the
 * webhook, e.g. Discord's "Unknown Webhook"); `retryable` schedules the next attempt;
 * `rateLimited` schedules it no earlier than `retryAfterMs`.
 */
export type DeliveryOutcome = DeliverySuccess | DeliveryFailure;

export interface DeliverySuccess {
  readonly kind: 'ok';
  readonly status: number;
  /** First bytes of the response body, for the delivery log. */
  readonly responseBody?: string;
}

export type FailureClass = 'permanent' | 'retryable' | 'rateLimited';

export interface DeliveryFailure {
  readonly kind: 'failed';
  readonly class: FailureClass;
  /** Human-readable reason, shown in the dashboard. Must not contain secrets. */
  readonly reason: string;
  /** HTTP status when the receiver answered. */
  readonly status?: number;
  readonly responseBody?: string;
  /** Earliest delay before the next attempt (Retry-After, Discord `retry_after`). */
  readonly retryAfterMs?: number;
  /** The target is gone for good (410, Discord 10015): core disables the webhook with `reason`. */
  readonly disableWebhook?: boolean;
}

/** @example return ok(res.status, res.body) */
export function ok(status: number, responseBody?: string): DeliverySuccess {
  return { kind: 'ok', status, ...(responseBody === undefined ? {} : { responseBody }) };
}

/** @example return permanent('400 Bad Request', { status: 400 }) */
export function permanent(
  reason: string,
  extra: Omit<DeliveryFailure, 'kind' | 'class' | 'reason'> = {},
): DeliveryFailure {
  return { kind: 'failed', class: 'permanent', reason, ...extra };
}

/** @example return retryable('503 Service Unavailable', { status: 503 }) */
export function retryable(
  reason: string,
  extra: Omit<DeliveryFailure, 'kind' | 'class' | 'reason'> = {},
): DeliveryFailure {
  return { kind: 'failed', class: 'retryable', reason, ...extra };
}

/** @example return rateLimited('429 Too Many Requests', 30_000, { status: 429 }) */
export function rateLimited(
  reason: string,
  retryAfterMs: number | undefined,
  extra: Omit<DeliveryFailure, 'kind' | 'class' | 'reason' | 'retryAfterMs'> = {},
): DeliveryFailure {
  return {
    kind: 'failed',
    class: 'rateLimited',
    reason,
    ...extra,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}
