const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parse `250ms`, `30s`, `1m`, `2h` or a bare number of milliseconds. Returns null when invalid. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]) * UNITS[match[2] ?? 'ms']!;
  return Number.isFinite(value) ? Math.round(value) : null;
}

/** Parse a comma-separated retry schedule such as `0,1m,5m,15m` (delay before each attempt). */
export function parseSchedule(text: string): number[] | null {
  const parts = text.split(',').map((part) => parseDuration(part));
  if (parts.length === 0 || parts.some((part) => part === null)) return null;
  return parts as number[];
}

export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0 && ms > 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
