import type { EventTypeDefinition, HubPlugin, SinkPlugin, SourcePlugin } from '@hub/plugin-sdk';
import { pluginSchemaToJson } from './plugin-json-schema.ts';

/** What `GET /api/v1/plugins` says about one plugin. */
export interface PluginDescription {
  readonly id: string;
  readonly kind: 'sink' | 'source';
  readonly name: string;
  readonly description: string;
  readonly icon: string | null;
  readonly version: string;
  readonly requiresUrl?: boolean;
  readonly settingsSchema: Record<string, unknown>;
  readonly secretsSchema: Record<string, unknown>;
  readonly secretFields: readonly string[];
  readonly templates: readonly { eventType: string; description?: string; source: string }[];
  readonly eventTypes: readonly EventTypeDefinition[];
}

/** The loaded plugins, looked up by id. */
export class PluginRegistry {
  private readonly byId: Map<string, HubPlugin>;

  constructor(readonly all: readonly HubPlugin[]) {
    this.byId = new Map(all.map((plugin) => [plugin.id, plugin]));
  }

  sink(id: string): SinkPlugin | undefined {
    const plugin = this.byId.get(id);
    return plugin?.kind === 'sink' ? plugin : undefined;
  }

  source(id: string): SourcePlugin | undefined {
    const plugin = this.byId.get(id);
    return plugin?.kind === 'source' ? plugin : undefined;
  }

  sinks(): SinkPlugin[] {
    return this.all.filter((plugin): plugin is SinkPlugin => plugin.kind === 'sink');
  }

  sources(): SourcePlugin[] {
    return this.all.filter((plugin): plugin is SourcePlugin => plugin.kind === 'source');
  }

  describe(plugin: HubPlugin): PluginDescription {
    const common = {
      id: plugin.id,
      name: plugin.name,
      description: plugin.description ?? '',
      icon: plugin.icon ?? null,
      version: plugin.version,
      settingsSchema: pluginSchemaToJson(plugin.settings),
      secretsSchema: pluginSchemaToJson(plugin.secrets),
      secretFields: Object.keys(plugin.secrets.entries),
    };
    switch (plugin.kind) {
      case 'sink':
        return { ...common, kind: 'sink', requiresUrl: plugin.requiresUrl, templates: plugin.templates ?? [], eventTypes: [] };
      case 'source':
        return { ...common, kind: 'source', templates: [], eventTypes: plugin.events };
    }
  }
}
