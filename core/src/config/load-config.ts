import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import * as v from 'valibot';
import { StartupError } from '../errors.ts';
import { envSchema, type Env } from './env-schema.ts';

/** The four first-party plugins, loaded when neither HUB_PLUGINS nor hub.config.json names any. */
export const DEFAULT_PLUGINS = [
  '@hub/plugin-generic-http',
  '@hub/plugin-discord',
  '@hub/plugin-github',
  '@hub/plugin-slack-example',
] as const;

export interface HubConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly redisUrl: string;
  readonly mongoUri: string | undefined;
  readonly secretKey: string | undefined;
  readonly admin: { readonly email: string; readonly password: string | undefined };
  /** Module names to load as plugins, in order. */
  readonly plugins: readonly string[];
  readonly queuePrefix: string;
  /** CIDRs exempt from the SSRF block (and allowed over plain http). */
  readonly allowPrivateTargets: readonly string[];
  /** Delay in ms before each attempt; its length is the number of attempts. */
  readonly retrySchedule: readonly number[];
  readonly workerConcurrency: number;
  readonly rateLimitPerSecond: number;
  readonly ingestRateLimitPerMinute: number;
  readonly disableAfterDead: number;
  readonly deliveryTimeoutMs: number;
  readonly reconcileIntervalMs: number;
  readonly runWorkers: boolean;
  readonly cookieSecure: boolean;
  readonly sessionTtlMs: number;
  readonly logLevel: Env['HUB_LOG_LEVEL'];
  readonly dashboardDir: string;
}

const configFileSchema = v.strictObject({
  plugins: v.optional(v.array(v.pipe(v.string(), v.nonEmpty()))),
});

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const name = issue.path?.map((item) => String(item.key)).join('.') ?? '(root)';
      return `  ${name}: ${issue.message}`;
    })
    .join('\n');
}

function parseCidrs(text: string): string[] {
  const cidrs = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  for (const cidr of cidrs) {
    if (!ipaddr.isValidCIDR(cidr)) {
      throw new StartupError(
        `Invalid configuration:\n  HUB_ALLOW_PRIVATE_TARGETS: '${cidr}' is not a CIDR; expected a comma-separated list such as 127.0.0.0/8,10.1.0.0/16`,
      );
    }
  }
  return cidrs;
}

function readPluginList(env: Env, cwd: string): string[] {
  if (env.HUB_PLUGINS !== undefined && env.HUB_PLUGINS.trim() !== '') {
    return env.HUB_PLUGINS.split(',').map((name) => name.trim()).filter(Boolean);
  }
  const file = resolve(cwd, env.HUB_CONFIG);
  if (!existsSync(file)) return [...DEFAULT_PLUGINS];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StartupError(`Invalid hub config file ${file}: ${(error as Error).message}`);
  }
  const parsed = v.safeParse(configFileSchema, json);
  if (!parsed.success) {
    throw new StartupError(`Invalid hub config file ${file}:\n${describeIssues(parsed.issues)}\n  expected: {"plugins": ["@hub/plugin-generic-http", ...]}`);
  }
  return parsed.output.plugins ?? [...DEFAULT_PLUGINS];
}

/**
 * Read and validate the configuration once, at start. Throws a StartupError whose message names
 * every wrong variable and what a right value looks like.
 */
export function loadConfig(environment: Record<string, string | undefined> = process.env, cwd = process.cwd()): HubConfig {
  const relevant = Object.fromEntries(
    Object.entries(environment).filter(([key, value]) => (key.startsWith('HUB_') || ['PORT', 'HOST', 'REDIS_URL', 'MONGODB_URI'].includes(key)) && value !== undefined && value !== ''),
  );
  const parsed = v.safeParse(envSchema, relevant);
  if (!parsed.success) {
    throw new StartupError(`Invalid configuration:\n${describeIssues(parsed.issues)}`);
  }
  const env = parsed.output;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(cwd, env.HUB_DATA_DIR),
    redisUrl: env.REDIS_URL,
    mongoUri: env.MONGODB_URI,
    secretKey: env.HUB_SECRET_KEY,
    admin: { email: env.HUB_ADMIN_EMAIL, password: env.HUB_ADMIN_PASSWORD },
    plugins: readPluginList(env, cwd),
    queuePrefix: env.HUB_QUEUE_PREFIX,
    allowPrivateTargets: parseCidrs(env.HUB_ALLOW_PRIVATE_TARGETS),
    retrySchedule: env.HUB_RETRY_SCHEDULE,
    workerConcurrency: env.HUB_WORKER_CONCURRENCY,
    rateLimitPerSecond: env.HUB_RATE_LIMIT_PER_SECOND,
    ingestRateLimitPerMinute: env.HUB_INGEST_RATE_LIMIT_PER_MINUTE,
    disableAfterDead: env.HUB_DISABLE_AFTER_DEAD,
    deliveryTimeoutMs: env.HUB_DELIVERY_TIMEOUT,
    reconcileIntervalMs: env.HUB_RECONCILE_INTERVAL,
    runWorkers: env.HUB_RUN_WORKERS,
    cookieSecure: env.HUB_COOKIE_SECURE,
    sessionTtlMs: env.HUB_SESSION_TTL,
    logLevel: env.HUB_LOG_LEVEL,
    dashboardDir: resolve(cwd, env.HUB_DASHBOARD_DIR ?? 'dashboard/dist'),
  };
}
