import type { Redis } from 'ioredis';
import { ApiKeyService } from './auth/api-key-service.ts';
import { AuditLog } from './audit/audit-log.ts';
import { bootstrap } from './auth/bootstrap.ts';
import { CommunityService } from './auth/community-service.ts';
import { SessionService } from './auth/session-service.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { UserService } from './auth/user-service.ts';
import { systemClock, type Clock } from './clock.ts';
import type { HubConfig } from './config/load-config.ts';
import { createCommunityRateLimiter } from './delivery/community-rate-limiter.ts';
import { DeliveryEngine } from './delivery/delivery-engine.ts';
import { DeliveryLock } from './delivery/delivery-lock.ts';
import { DeliveryService } from './delivery/delivery-service.ts';
import { EndpointHealth } from './delivery/endpoint-health.ts';
import { FanOut } from './delivery/fan-out.ts';
import { Reconciler } from './delivery/reconciler.ts';
import { startWorkers, type RunningWorkers } from './delivery/workers.ts';
import { EventBus } from './events/event-bus.ts';
import { EventCatalog } from './events/event-catalog.ts';
import { EventPublisher } from './events/event-publisher.ts';
import { EventService } from './events/event-service.ts';
import type { Hub } from './hub.ts';
import type { Logger } from './observability/logger.ts';
import { loadPlugins, type ModuleImporter } from './plugins/plugin-loader.ts';
import { createTemplateEngine, validateTemplate } from './plugins/template-engine.ts';
import { HubQueues } from './queue/hub-queues.ts';
import { connectRedis } from './queue/redis-connection.ts';
import { createAddressPolicy } from './security/address-policy.ts';
import { createGuardedHttpClient } from './security/guarded-http-client.ts';
import type { ResolveHost } from './security/resolve-host.ts';
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
  /** Tests may resolve names without DNS (on save and at connect time). */
  readonly resolveHost?: ResolveHost;
  /** Jitter source for retries; tests pin it. */
  readonly random?: () => number;
  readonly print?: (line: string) => void;
}

/** How long unprocessed work must sit before the reconciler treats its job as lost. */
const RECONCILE_GRACE_MS = 5_000;

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
  const secretBox = createSecretBox(loadSecretKey({ env: config.secretKey, dataDir: config.dataDir, log: (message: string) => logger.warn(message) }));
  const redis: Redis = await connectRedis(config.redisUrl);
  let store: Store;
  try {
    store = await openStore({ dataDir: config.dataDir, ...(config.mongoUri ? { mongoUri: config.mongoUri } : {}) });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  logger.info({ store: store.kind, dataDir: config.dataDir }, 'store opened');

  const allowCidrs = [...config.allowPrivateTargets];
  const catalog = new EventCatalog(plugins);
  const audit = new AuditLog(store.audit, clock);
  const policy = createAddressPolicy({ allowCidrs });
  const templates = createTemplateEngine({});
  const http = createGuardedHttpClient({ policy, allowCidrs, timeoutMs: config.deliveryTimeoutMs, ...(options.resolveHost ? { lookup: options.resolveHost } : {}) });
  const bus = new EventBus(logger);
  const queues = HubQueues.create(config.redisUrl, config.queuePrefix);
  const publisher = new EventPublisher({ store, catalog, bus, clock, logger });
  const fanOut = new FanOut({ store, queues, clock, logger });
  const health = new EndpointHealth({
    store,
    clock,
    logger,
    audit,
    disableAfterDead: config.disableAfterDead,
    emit: async ({ communityId, type, data }) => void (await publisher.publish({ communityId, type, data, source: 'system' }, { system: true })),
  });
  const engine = new DeliveryEngine({
    store,
    plugins,
    secretBox,
    templates,
    http,
    clock,
    logger,
    bus,
    health,
    retrySchedule: config.retrySchedule,
    timeoutMs: config.deliveryTimeoutMs,
    ...(options.random ? { random: options.random } : {}),
  });
  const deliveries = new DeliveryService({ store, queues, engine, publisher, clock, audit });
  const webhooks = new WebhookService({
    store,
    plugins,
    catalog,
    secretBox,
    audit,
    clock,
    validateTemplate,
    checkTargetUrl: (url) => validateTargetUrl(url, { policy, allowCidrs, ...(options.resolveHost ? { resolve: options.resolveHost } : {}) }),
    onActivated: async (webhook) => void (await deliveries.resumeWebhook(webhook)),
  });
  // Fan-out is one subscriber among others; if queueing fails the event stays unprocessed and
  // the reconciler queues it later.
  bus.subscribe('fan-out', async (message) => {
    if (message.kind !== 'event.stored') return;
    // While Redis is away the command waits in ioredis' offline queue; do not hold the
    // publisher's request for it. The job id keeps a late add and a reconciler add as one job.
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('queue did not answer within 2 s; the reconciler will queue the event')), 2_000);
    });
    try {
      await Promise.race([queues.enqueueFanout(message.event.id), gaveUp]);
    } finally {
      clearTimeout(timer);
    }
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
    loginThrottle: new LoginThrottle(redis, config.queuePrefix),
    apiKeys: new ApiKeyService(store, audit, clock),
    users: new UserService(store, audit, clock),
    communities: new CommunityService(store, audit, clock),
    webhooks,
    templates,
    http,
    bus,
    queues,
    publisher,
    events: new EventService({ store, publisher }),
    fanOut,
    health,
    engine,
    deliveries,
    limiter: createCommunityRateLimiter(redis, { prefix: config.queuePrefix, perSecond: config.rateLimitPerSecond }),
    deliveryLock: new DeliveryLock(redis, config.queuePrefix, config.deliveryTimeoutMs + 15_000),
    reconciler: new Reconciler({ store, queues, clock, logger, graceMs: RECONCILE_GRACE_MS }),
  };
}

/** Start the queue workers and the reconciler of this process. */
export function startHubWorkers(hub: Hub): RunningWorkers {
  const workers = startWorkers({
    redisUrl: hub.config.redisUrl,
    prefix: hub.config.queuePrefix,
    concurrency: hub.config.workerConcurrency,
    store: hub.store,
    queues: hub.queues,
    fanOut: hub.fanOut,
    engine: hub.engine,
    limiter: hub.limiter,
    lock: hub.deliveryLock,
    logger: hub.logger,
  });
  hub.reconciler.start(hub.config.reconcileIntervalMs);
  return {
    async close() {
      await hub.reconciler.stop();
      await workers.close();
    },
  };
}

export async function closeHub(hub: Hub): Promise<void> {
  await hub.reconciler.stop();
  await hub.queues.close();
  await hub.http.close();
  await hub.store.close();
  hub.redis.disconnect();
}
