import { SUPPORTED_API_VERSIONS, isBrandedPlugin, type HubPlugin } from '@hub/plugin-sdk';
import { StartupError } from '../errors.ts';
import { pluginSchemaToJson } from './plugin-json-schema.ts';
import { PluginRegistry } from './plugin-registry.ts';

/** How to import a module by name; injectable so tests can load fixtures. */
export type ModuleImporter = (name: string) => Promise<unknown>;

const defaultImporter: ModuleImporter = (name) => import(name);

const ID_PATTERN = /^[a-z][a-z0-9-]{1,48}$/;

function checkPlugin(moduleName: string, candidate: unknown): HubPlugin {
  const exported = (candidate as { default?: unknown } | null)?.default ?? candidate;
  if (!isBrandedPlugin(exported)) {
    throw new StartupError(
      `Plugin '${moduleName}' does not export a plugin made with defineSink() or defineSource() from @hub/plugin-sdk (no SDK brand on its default export).`,
    );
  }
  if (!SUPPORTED_API_VERSIONS.includes(exported.apiVersion)) {
    throw new StartupError(
      `Plugin '${moduleName}' targets SDK apiVersion ${String(exported.apiVersion)}; this hub supports ${SUPPORTED_API_VERSIONS.join(', ')}.`,
    );
  }
  if (typeof exported.id !== 'string' || !ID_PATTERN.test(exported.id)) {
    throw new StartupError(`Plugin '${moduleName}' has an invalid id '${String(exported.id)}': use 2-49 lower-case letters, digits or dashes.`);
  }
  for (const [label, schema] of [['settings', exported.settings], ['secrets', exported.secrets]] as const) {
    try {
      pluginSchemaToJson(schema);
    } catch (error) {
      throw new StartupError(`Plugin '${exported.id}' (${moduleName}): its ${label} schema cannot be turned into JSON Schema: ${(error as Error).message}`);
    }
  }
  return exported;
}

/**
 * Load the configured plugins by module name. Fails loudly (StartupError) on a module that
 * cannot be imported, a missing brand, an unsupported apiVersion, a duplicate id or a schema
 * the dashboard could not render.
 */
export async function loadPlugins(moduleNames: readonly string[], importModule: ModuleImporter = defaultImporter): Promise<PluginRegistry> {
  const plugins: HubPlugin[] = [];
  const seen = new Map<string, string>();
  for (const moduleName of moduleNames) {
    let loaded: unknown;
    try {
      loaded = await importModule(moduleName);
    } catch (error) {
      throw new StartupError(`Cannot load plugin '${moduleName}': ${(error as Error).message}`);
    }
    const plugin = checkPlugin(moduleName, loaded);
    const previous = seen.get(plugin.id);
    if (previous !== undefined) {
      throw new StartupError(`Duplicate plugin id '${plugin.id}': provided by both '${previous}' and '${moduleName}'.`);
    }
    seen.set(plugin.id, moduleName);
    plugins.push(plugin);
  }
  return new PluginRegistry(plugins);
}
