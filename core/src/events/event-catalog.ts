import type { EventTypeDefinition } from '@hub/plugin-sdk';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { COMMUNITY_EVENT_TYPES, SYSTEM_EVENT_TYPES } from './core-event-types.ts';

export interface CatalogEntry extends EventTypeDefinition {
  /** `core`, `system` or the source plugin id. */
  readonly source: string;
}

/** Every event type the hub knows: core, system, and those declared by loaded source plugins. */
export class EventCatalog {
  readonly entries: readonly CatalogEntry[];
  private readonly types: Set<string>;

  constructor(plugins: PluginRegistry) {
    this.entries = [
      ...COMMUNITY_EVENT_TYPES.map((entry) => ({ ...entry, source: 'core' })),
      ...SYSTEM_EVENT_TYPES.map((entry) => ({ ...entry, source: 'system' })),
      ...plugins.sources().flatMap((source) => source.events.map((entry) => ({ ...entry, source: source.id }))),
    ];
    this.types = new Set(this.entries.map((entry) => entry.type));
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  /**
   * Whether a webhook filter is acceptable: an exact known type, `*`, or `prefix.*` where some
   * known type starts with `prefix.`.
   */
  isValidFilter(filter: string): boolean {
    if (filter === '*') return true;
    if (filter.endsWith('.*')) {
      const prefix = filter.slice(0, -1);
      return prefix.length > 1 && this.entries.some((entry) => entry.type.startsWith(prefix));
    }
    return this.types.has(filter);
  }
}

/** Whether an event type matches a webhook's filter list (exact, `prefix.*`, `*`). */
export function matchesEventFilters(type: string, filters: readonly string[]): boolean {
  return filters.some((filter) => filter === '*' || filter === type || (filter.endsWith('.*') && type.startsWith(filter.slice(0, -1))));
}
