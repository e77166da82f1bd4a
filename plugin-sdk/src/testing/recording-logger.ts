import type { PluginLogger } from '../logger.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One call to the logger, as recorded. */
export interface LogRecord {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields?: Record<string, unknown>;
}

/**
 * A logger that keeps what it is given, unredacted (core's logger redacts; this one must not,
 * so a test can see what a plugin tried to log).
 */
export interface RecordingLogger extends PluginLogger {
  readonly records: LogRecord[];
  /** Every record as one string (message and JSON fields), for "contains" assertions. */
  text(): string;
}

/**
 * @example
 * const logger = createRecordingLogger();
 * logger.warn('failed', { status: 500 });
 * expect(logger.records).toEqual([{ level: 'warn', message: 'failed', fields: { status: 500 } }]);
 */
export function createRecordingLogger(): RecordingLogger {
  const records: LogRecord[] = [];
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    records.push(fields === undefined ? { level, message } : { level, message, fields });
  };
  return {
    records,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    text: () => records.map((r) => `${r.level} ${r.message} ${safeJson(r.fields)}`).join('\n'),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}
