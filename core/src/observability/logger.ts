import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line, wherever they appear in the fields. */
const REDACT_PATHS = [
  'secret',
  'secrets',
  'password',
  'passwordHash',
  'key',
  'token',
  'authorization',
  'cookie',
  '*.secret',
  '*.secrets',
  '*.password',
  '*.authorization',
  '*.cookie',
  '*.webhookUrl',
  'headers.authorization',
  'headers.cookie',
  'headers["x-webhook-signature"]',
  'headers["webhook-signature"]',
  'headers["x-hub-signature-256"]',
];

/** The hub's JSON logger (pino), with secrets redacted by path. */
export function createLogger(options: { level: string; destination?: NodeJS.WritableStream } = { level: 'info' }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'webhook-event-hub' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination as never,
  );
}

/** A logger that writes nothing, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
