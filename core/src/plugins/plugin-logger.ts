import type { PluginLogger } from '@hub/plugin-sdk';
import type { Logger } from '../observability/logger.ts';

/**
 * The logger a plugin receives: the hub's logger with the plugin's context, and every secret
 * value of the webhook scrubbed from messages and fields before they are written.
 */
export function createPluginLogger(logger: Logger, context: Record<string, unknown>, secretValues: readonly string[]): PluginLogger {
  const child = logger.child(context);
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return secretValues.reduce((out, secret) => out.split(secret).join('[redacted]'), value);
    if (Array.isArray(value)) return value.map(scrub);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]));
    return value;
  };
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) =>
    child[level]((fields ? scrub(fields) : {}) as object, scrub(message) as string);
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
