import type { Redis } from 'ioredis';
import type { ApiKeyService } from './auth/api-key-service.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { CommunityService } from './auth/community-service.ts';
import type { SessionService } from './auth/session-service.ts';
import type { UserService } from './auth/user-service.ts';
import type { Clock } from './clock.ts';
import type { HubConfig } from './config/load-config.ts';
import type { EventCatalog } from './events/event-catalog.ts';
import type { Logger } from './observability/logger.ts';
import type { PluginRegistry } from './plugins/plugin-registry.ts';
import type { Store } from './store/ports.ts';
import type { WebhookService } from './webhooks/webhook-service.ts';

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
  readonly apiKeys: ApiKeyService;
  readonly users: UserService;
  readonly communities: CommunityService;
  readonly webhooks: WebhookService;
}
