import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, nextAttemptDelay } from './retry-policy.ts';

const schedule = [0, 60_000, 300_000, 900_000];

describe('nextAttemptDelay', () => {
  it('follows the default schedule: +1 min, +5 min, +15 min, then dead', () => {
    const mid = () => 0.5;
    expect(nextAttemptDelay({ schedule, attemptsMade: 1, random: mid })).toBe(60_000);
    expect(nextAttemptDelay({ schedule, attemptsMade: 2, random: mid })).toBe(300_000);
    expect(nextAttemptDelay({ schedule, attemptsMade: 3, random: mid })).toBe(900_000);
    expect(nextAttemptDelay({ schedule, attemptsMade: 4, random: mid })).toBeNull();
  });

  it('keeps jitter within ±10%', () => {
    expect(nextAttemptDelay({ schedule, attemptsMade: 1, random: () => 0 })).toBe(54_000);
    expect(nextAttemptDelay({ schedule, attemptsMade: 1, random: () => 0.999999 })).toBe(66_000);
  });

  it('honours a later Retry-After, capped at an hour', () => {
    expect(nextAttemptDelay({ schedule, attemptsMade: 1, retryAfterMs: 120_000, random: () => 0.5 })).toBe(120_000);
    expect(nextAttemptDelay({ schedule, attemptsMade: 1, retryAfterMs: 1_000, random: () => 0.5 })).toBe(60_000);
    expect(nextAttemptDelay({ schedule, attemptsMade: 1, retryAfterMs: 10 * MAX_RETRY_AFTER_MS, random: () => 0.5 })).toBe(MAX_RETRY_AFTER_MS);
  });

  it('does not retry past the schedule even when Retry-After is given', () => {
    expect(nextAttemptDelay({ schedule: [0], attemptsMade: 1, retryAfterMs: 5_000 })).toBeNull();
  });
});
