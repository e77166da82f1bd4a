import type { EventType } from '../../api/types.ts';

/** `*` matches every event; `member.*` every type under `member.`; anything else exactly. */
export function patternMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** The wildcard in `patterns` that covers `type`, if any (exact matches do not count). */
export function coveringWildcard(patterns: readonly string[], type: string): string | undefined {
  return patterns.find((pattern) => pattern !== type && (pattern === '*' || pattern.endsWith('.*')) && patternMatches(pattern, type));
}

/** Types sharing a first segment; `wildcard` (`member.*`) when there are several of them. */
export interface EventFamily {
  readonly wildcard: string | null;
  readonly types: readonly EventType[];
}

export interface EventGroup {
  readonly source: string;
  readonly families: readonly EventFamily[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

/** The catalog grouped by source (app events, GitHub...), then by family with its wildcard. */
export function groupEventTypes(eventTypes: readonly EventType[]): EventGroup[] {
  return [...groupBy(eventTypes, (eventType) => eventType.source).entries()].map(([source, types]) => {
    const sorted = [...types].sort((a, b) => a.type.localeCompare(b.type));
    const families = [...groupBy(sorted, (eventType) => eventType.type.split('.')[0] ?? eventType.type).entries()].map(
      ([prefix, members]): EventFamily => ({ wildcard: members.length > 1 ? `${prefix}.*` : null, types: members }),
    );
    return { source, families };
  });
}

/**
 * Toggle one pattern. Adding a wildcard drops the patterns it makes redundant, so the stored
 * list stays minimal.
 */
export function togglePattern(selected: readonly string[], pattern: string): string[] {
  if (selected.includes(pattern)) return selected.filter((entry) => entry !== pattern);
  const isWildcard = pattern === '*' || pattern.endsWith('.*');
  const kept = isWildcard ? selected.filter((entry) => entry === pattern || !patternMatches(pattern, entry.replace(/\.\*$/, '.x'))) : [...selected];
  return [...kept, pattern];
}

const sourceLabels: Record<string, string> = {
  core: 'App events',
  internal: 'App events',
  api: 'App events',
  system: 'Hub',
  github: 'GitHub',
};

export function sourceLabel(source: string): string {
  return sourceLabels[source] ?? source.charAt(0).toUpperCase() + source.slice(1);
}
