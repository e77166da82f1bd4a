/**
 * Structured logger handed to plugins. Core's implementation redacts the plugin's secret values
 * from messages and fields, but plugins should still never log secrets on purpose.
 */
export interface PluginLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
