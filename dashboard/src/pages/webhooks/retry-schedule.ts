/**
 * A webhook's retry schedule as text: the delay before each attempt, comma-separated, such as
 * `0, 1m, 5m, 15m`. The server takes durations (`ms`, `s`, `m`, `h`; a bare number is
 * milliseconds) and answers with milliseconds, which are shown back as durations.
 */

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/;

/** The server's limits. */
export const MAX_DELAY_MS = 7 * 24 * 3_600_000;
export const MAX_ATTEMPTS = 20;

/** `250ms`, `30s`, `1.5m`, `2h` or a bare number of milliseconds; null when it is none of these. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match) return null;
  const value = Number(match[1]) * (UNITS[match[2] ?? 'ms'] ?? 1);
  return Number.isFinite(value) ? Math.round(value) : null;
}

/** The largest whole unit: `0`, `250ms`, `30s`, `5m`, `2h`, `90s`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** A schedule from the server as the text field shows it; '' for the hub default (null). */
export function formatRetrySchedule(schedule: readonly number[] | null | undefined): string {
  return schedule && schedule.length > 0 ? schedule.map(formatDuration).join(', ') : '';
}

export type ParsedSchedule = { readonly ok: true; readonly value: number[] | null } | { readonly ok: false; readonly message: string };

/**
 * Parse the text field: '' means the hub default (null); otherwise 1 to 20 delays of at most
 * 7 days each. Empty entries (a trailing comma) are ignored.
 */
export function parseRetrySchedule(text: string): ParsedSchedule {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return { ok: true, value: null };
  if (parts.length > MAX_ATTEMPTS) return { ok: false, message: `At most ${MAX_ATTEMPTS} attempts (this has ${parts.length})` };
  const value: number[] = [];
  for (const part of parts) {
    const ms = parseDuration(part);
    if (ms === null) return { ok: false, message: `"${part}" is not a duration: use a number with ms, s, m or h, e.g. 30s or 5m` };
    if (ms > MAX_DELAY_MS) return { ok: false, message: `"${part}" is longer than 7 days` };
    value.push(ms);
  }
  return { ok: true, value };
}

/** A total time for people: `1h 21m`, `45s`, `250ms`. */
function formatSpan(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const seconds = Math.round(ms / 1000);
  const parts = [
    [Math.floor(seconds / 86_400), 'd'],
    [Math.floor((seconds % 86_400) / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'm'],
    [seconds % 60, 's'],
  ] as const;
  return parts
    .filter(([value]) => value > 0)
    .slice(0, 2)
    .map(([value, unit]) => `${value}${unit}`)
    .join(' ');
}

/** "4 attempts over 21m"-style summary for the collapsed section. */
export function describeRetrySchedule(text: string): string {
  const parsed = parseRetrySchedule(text);
  if (!parsed.ok) return 'Not valid yet';
  if (parsed.value === null) return 'Hub default';
  const total = parsed.value.reduce((sum, ms) => sum + ms, 0);
  const attempts = `${parsed.value.length} attempt${parsed.value.length === 1 ? '' : 's'}`;
  return total === 0 ? attempts : `${attempts} over ${formatSpan(total)}`;
}
