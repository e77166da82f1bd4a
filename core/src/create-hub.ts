import type { Redis } from 'ioredis';
import { ApiKeyService } from './auth/api-key-service.ts';
import { AuditLog } from './audit/audit-log.ts';
import { bootstrap } from './auth/bootstrap.ts';
import { CommunityService } from './auth/community-service.ts';
import { SessionService } from './auth/session-service.ts';
import { UserService } from './auth/user-service.ts';
import { systemClock, type Clock } from './clock.ts';
import type { HubConfig } from './config/load-config.ts';
import { EventCatalog } from './events/event-catalog.ts';
import type { Hub } from './hub.ts';
import type { Logger } from './observability/logger.ts';
import { loadPlugins, type ModuleImporter } from './plugins/plugin-loader.ts';
import { validateTemplate } from './plugins/template-engine.ts';
import { connectRedis } from './queue/redis-connection.ts';
import { createAddressPolicy } from './security/address-policy.ts';
import { createSecretBox, loadSecretKey } from './security/secret-box.ts';
import { validateTargetUrl } from './security/target-url.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/ports.ts';
import { WebhookService } from './webhooks/webhook-service.ts';

export interface CreateHubOptions {
  readonly config: HubConfig;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Tests pass their own module loader for plugin fixtures. */
  readonly importModule?: ModuleImporter;
  /** Tests may resolve names without DNS. */
  readonly resolveHost?: (host: string) => Promise<string[]>;
  readonly print?: (line: string) => void;
}

/**
 * The composition root: config -> store -> Redis -> plugins -> services. Everything that can be
 * wrong at start (bad plugin, unreachable Redis, bad key) throws a StartupError here.
 */
export async function createHub(options: CreateHubOptions): Promise<Hub> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  if (config.allowPrivateTargets.length > 0) {
    logger.warn({ allowPrivateTargets: config.allowPrivateTargets }, 'HUB_ALLOW_PRIVATE_TARGETS is set: webhooks may target these private ranges (development and tests only)');
  }
  const plugins = await loadPlugins(config.plugins, options.importModule);
  logger.info({ plugins: plugins.all.map((plugin) => `${plugin.id}@${plugin.version}`) }, 'plugins loaded');
  const secretBox = createSecretBox(loadSecretKey({ env: config.secretKey, dataDir: config.dataDir, log: (message) => logger.warn(message) }));
  const redis: Redis = await connectRedis(config.redisUrl);
  let store: Store;
  try {
    store = await openStore({ dataDir: config.dataDir, ...(config.mongoUri ? { mongoUri: config.mongoUri } : {}) });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  logger.info({ store: store.kind, dataDir: config.dataDir }, 'store opened');

  const catalog = new EventCatalog(plugins);
  const audit = new AuditLog(store.audit, clock);
  const policy = createAddressPolicy({ allowCidrs: [...config.allowPrivateTargets] });
  const webhooks = new WebhookService({
    store,
    plugins,
    catalog,
    secretBox,
    audit,
    clock,
    validateTemplate,
    checkTargetUrl: (url) =>
      validateTargetUrl(url, { policy, allowCidrs: [...config.allowPrivateTargets], ...(options.resolveHost ? { resolve: options.resolveHost } : {}) }),
  });
  await bootstrap({ store, clock, logger, admin: config.admin, ...(options.print ? { print: options.print } : {}) });

  return {
    config,
    clock,
    logger,
    store,
    redis,
    plugins,
    catalog,
    audit,
    sessions: new SessionService(store, clock, config.sessionTtlMs),
    apiKeys: new ApiKeyService(store, audit, clock),
    users: new UserService(store, audit, clock),
    communities: new CommunityService(store, audit, clock),
    webhooks,
  };
}

export async function closeHub(hub: Hub): Promise<void> {
  await hub.store.close();
  hub.redis.disconnect();
}
