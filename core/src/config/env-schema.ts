import * as v from 'valibot';
import { parseDuration, parseSchedule } from './duration.ts';

const integer = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );

const duration = (name: string) =>
  v.pipe(
    v.string(),
    v.check((text) => parseDuration(text) !== null, `${name} must be a duration such as 500ms, 30s, 1m or 2h`),
    v.transform((text) => parseDuration(text)!),
  );

const boolean = (name: string) =>
  v.pipe(
    v.picklist(['true', 'false', '1', '0'], `${name} must be true or false`),
    v.transform((text) => text === 'true' || text === '1'),
  );

/** Every environment variable the hub reads, with its default and what a right value looks like. */
export const envSchema = v.object({
  PORT: v.optional(integer('PORT', 0, 65535), '8080'),
  HOST: v.optional(v.pipe(v.string(), v.nonEmpty('HOST must not be empty')), '127.0.0.1'),
  HUB_DATA_DIR: v.optional(v.pipe(v.string(), v.nonEmpty('HUB_DATA_DIR must be a folder path')), './.hub-data'),
  REDIS_URL: v.optional(
    v.pipe(v.string(), v.regex(/^rediss?:\/\/.+/, 'REDIS_URL must look like redis://host:6379 or rediss://host:6380')),
    'redis://127.0.0.1:6379',
  ),
  MONGODB_URI: v.optional(v.pipe(v.string(), v.regex(/^mongodb(\+srv)?:\/\/.+/, 'MONGODB_URI must start with mongodb:// or mongodb+srv://'))),
  HUB_SECRET_KEY: v.optional(v.string()),
  HUB_ADMIN_EMAIL: v.optional(v.pipe(v.string(), v.email('HUB_ADMIN_EMAIL must be an email address')), 'admin@example.com'),
  HUB_ADMIN_PASSWORD: v.optional(v.pipe(v.string(), v.minLength(8, 'HUB_ADMIN_PASSWORD must be at least 8 characters'))),
  HUB_CONFIG: v.optional(v.string(), './hub.config.json'),
  HUB_PLUGINS: v.optional(v.string()),
  HUB_QUEUE_PREFIX: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'HUB_QUEUE_PREFIX must be 1-64 letters, digits, dot, dash or underscore')),
    'hub',
  ),
  HUB_ALLOW_PRIVATE_TARGETS: v.optional(v.string(), ''),
  HUB_RETRY_SCHEDULE: v.optional(
    v.pipe(
      v.string(),
      v.check((text) => parseSchedule(text) !== null, 'HUB_RETRY_SCHEDULE must be comma-separated delays such as 0,1m,5m,15m (units ms, s, m, h)'),
      v.transform((text) => parseSchedule(text)!),
    ),
    '0,1m,5m,15m',
  ),
  HUB_WORKER_CONCURRENCY: v.optional(integer('HUB_WORKER_CONCURRENCY', 1, 1000), '10'),
  HUB_RATE_LIMIT_PER_SECOND: v.optional(integer('HUB_RATE_LIMIT_PER_SECOND', 1, 100000), '10'),
  HUB_INGEST_RATE_LIMIT_PER_MINUTE: v.optional(integer('HUB_INGEST_RATE_LIMIT_PER_MINUTE', 1, 1000000), '100'),
  HUB_DISABLE_AFTER_DEAD: v.optional(integer('HUB_DISABLE_AFTER_DEAD', 1, 1000), '5'),
  HUB_DELIVERY_TIMEOUT: v.optional(duration('HUB_DELIVERY_TIMEOUT'), '10s'),
  HUB_RECONCILE_INTERVAL: v.optional(duration('HUB_RECONCILE_INTERVAL'), '30s'),
  HUB_RUN_WORKERS: v.optional(boolean('HUB_RUN_WORKERS'), 'true'),
  HUB_COOKIE_SECURE: v.optional(boolean('HUB_COOKIE_SECURE'), 'false'),
  HUB_SESSION_TTL: v.optional(duration('HUB_SESSION_TTL'), '12h'),
  HUB_LOG_LEVEL: v.optional(
    v.picklist(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'HUB_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'),
    'info',
  ),
  HUB_DASHBOARD_DIR: v.optional(v.string()),
});

export type EnvInput = v.InferInput<typeof envSchema>;
export type Env = v.InferOutput<typeof envSchema>;
