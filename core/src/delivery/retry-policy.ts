/** Upper bound for a receiver-requested delay (Retry-After, Discord retry_after). */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

export interface NextAttemptInput {
  /** Delays in ms before each attempt; `schedule.length` attempts in all. */
  readonly schedule: readonly number[];
  /** Attempts made so far, the failed one included. */
  readonly attemptsMade: number;
  /** What the receiver asked for, if anything. */
  readonly retryAfterMs?: number;
  /** ±10% jitter source in [0, 1); injected by tests. */
  readonly random?: () => number;
}

/**
 * Delay before the next attempt, or null when the schedule is used up (the delivery is dead).
 * The scheduled delay gets ±10% jitter, so retries of one outage do not arrive together; a
 * receiver's Retry-After wins when it is later (capped at one hour).
 */
export function nextAttemptDelay(input: NextAttemptInput): number | null {
  const base = input.schedule[input.attemptsMade];
  if (base === undefined) return null;
  const random = input.random ?? Math.random;
  const jittered = Math.round(base * (0.9 + 0.2 * random()));
  const requested = input.retryAfterMs === undefined ? 0 : Math.min(Math.max(input.retryAfterMs, 0), MAX_RETRY_AFTER_MS);
  return Math.max(jittered, requested);
}
