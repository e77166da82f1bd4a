import type { Redis } from 'ioredis';
import type { ApiKeyService } from './auth/api-key-service.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { CommunityService } from './auth/community-service.ts';
import type { SessionService } from './auth/session-service.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { UserService } from './auth/user-service.ts';
import type { Clock } from './clock.ts';
import type { HubConfig } from './config/load-config.ts';
import type { EventCatalog } from './events/event-catalog.ts';
import type { Logger } from './observability/logger.ts';
import type { PluginRegistry } from './plugins/plugin-registry.ts';
import type { Store } from './store/ports.ts';
import type { WebhookService } from './webhooks/webhook-service.ts';
import type { TemplateRenderer } from '@hub/plugin-sdk';
import type { DeliveryEngine } from './delivery/delivery-engine.ts';
import type { DeliveryService } from './delivery/delivery-service.ts';
import type { FanOut } from './delivery/fan-out.ts';
import type { Reconciler } from './delivery/reconciler.ts';
import type { EndpointHealth } from './delivery/endpoint-health.ts';
import type { CommunityRateLimiter } from './delivery/community-rate-limiter.ts';
import type { DeliveryLock } from './delivery/delivery-lock.ts';
import type { EventBus } from './events/event-bus.ts';
import type { EventPublisher } from './events/event-publisher.ts';
import type { EventService } from './events/event-service.ts';
import type { HubQueues } from './queue/hub-queues.ts';
import type { GuardedHttpClient } from './security/guarded-http-client.ts';

/**
 * Everything the HTTP layer and the workers use, built once by the composition root
 * (`create-hub.ts`). A plain typed object: see docs/decisions.md on why not a DI container.
 */
export interface Hub {
  readonly config: HubConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly store: Store;
  readonly redis: Redis;
  readonly plugins: PluginRegistry;
  readonly catalog: EventCatalog;
  readonly audit: AuditLog;
  readonly sessions: SessionService;
  readonly loginThrottle: LoginThrottle;
  readonly apiKeys: ApiKeyService;
  readonly users: UserService;
  readonly communities: CommunityService;
  readonly webhooks: WebhookService;
  readonly templates: TemplateRenderer;
  readonly http: GuardedHttpClient;
  readonly bus: EventBus;
  readonly queues: HubQueues;
  readonly publisher: EventPublisher;
  readonly events: EventService;
  readonly fanOut: FanOut;
  readonly health: EndpointHealth;
  readonly engine: DeliveryEngine;
  readonly deliveries: DeliveryService;
  readonly limiter: CommunityRateLimiter;
  readonly deliveryLock: DeliveryLock;
  readonly reconciler: Reconciler;
}
