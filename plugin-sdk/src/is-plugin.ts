import { PLUGIN_BRAND } from './api-version.ts';
import type { SinkPlugin } from './define-sink.ts';
import type { SourcePlugin } from './define-source.ts';

export type HubPlugin = SinkPlugin | SourcePlugin;

/** True when `value` carries the SDK brand (any SDK copy). Says nothing of its apiVersion. */
export function isBrandedPlugin(value: unknown): value is HubPlugin {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLUGIN_BRAND] === true;
}
