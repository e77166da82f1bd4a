// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso, validIso } from './time.tsx';

describe('date-time filter values', () => {
  it('round-trips between a datetime-local value (local time) and ISO in UTC', () => {
    const local = '2026-03-14T09:26';
    const iso = localInputToIso(local);
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    expect(new Date(iso).getTime()).toBe(new Date(2026, 2, 14, 9, 26).getTime());
    expect(isoToLocalInput(iso)).toBe(local);
  });

  it('turns empty or broken values into an empty filter', () => {
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('not a date')).toBe('');
    expect(isoToLocalInput('')).toBe('');
    expect(isoToLocalInput('yesterday')).toBe('');
    expect(validIso('2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(validIso('soon')).toBe('');
    expect(validIso(null)).toBe('');
  });
});
