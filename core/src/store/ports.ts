/**
 * The store's ports: every repository the hub uses, independent of the database. Adapters
 * (`sqlite/`, `mongo/`) implement `Store`; one contract suite (`core/test/store-contract.test.ts`)
 * runs against each. Times are ISO 8601 strings in UTC; ids are made by core (`newId`).
 * Lists are newest first (createdAt desc, id desc) with an opaque cursor.
 */

export type Role = 'owner' | 'admin' | 'viewer';
/** `'*'` grants the role in every community (the instance owner). */
export interface Membership {
  readonly communityId: string;
  readonly role: Role;
}

export interface Community {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly memberships: readonly Membership[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Session {
  /** SHA-256 hex of the cookie token; the token itself is never stored. */
  readonly tokenHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export type ApiKeyScope = 'events:publish' | 'webhooks:read' | 'webhooks:write';

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly communityId: string;
  readonly scopes: readonly ApiKeyScope[];
  /** First characters of the key, shown to help people recognise it. */
  readonly prefix: string;
  /** SHA-256 hex of the whole key. */
  readonly keyHash: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

/** A signing secret, encrypted at rest. Several are active during a rotation. */
export interface WebhookSecret {
  readonly id: string;
  /** AES-256-GCM ciphertext (core's secret-box format). */
  readonly ciphertext: string;
  /** SHA-256 based fingerprint, safe to show. */
  readonly fingerprint: string;
  readonly createdAt: string;
  /** When a rotated-out secret stops signing; null while it is the current one. */
  readonly expiresAt: string | null;
}

export interface Webhook {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  /** Sink plugin id. */
  readonly connector: string;
  readonly url: string | null;
  /** Exact event types or wildcards (`member.*`, `*`). */
  readonly events: readonly string[];
  readonly secrets: readonly WebhookSecret[];
  /** Plugin settings, validated by the plugin's schema. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Plugin secrets as one encrypted JSON object, or null when none are set. */
  readonly pluginSecretsCiphertext: string | null;
  /** Names of the plugin secret fields that are set (never their values). */
  readonly pluginSecretFields: readonly string[];
  readonly active: boolean;
  readonly disabledReason: string | null;
  /** Delays in ms before each attempt; null = the global schedule. */
  readonly retrySchedule: readonly number[] | null;
  /** Dead deliveries in a row; reset by a success. */
  readonly consecutiveDead: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface StoredEvent {
  /** The eventId: unique across the store. */
  readonly id: string;
  readonly communityId: string;
  readonly type: string;
  /** `api`, `internal`, `system` or a source plugin id. */
  readonly source: string;
  readonly occurredAt: string;
  readonly receivedAt: string;
  /** The exact envelope bytes delivered and signed: {"event","timestamp","eventId","data"}. */
  readonly payload: string;
  readonly processed: boolean;
  readonly processedAt: string | null;
}

export type DeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'dead';

export interface Delivery {
  readonly id: string;
  readonly eventId: string;
  readonly webhookId: string;
  readonly communityId: string;
  readonly eventType: string;
  readonly status: DeliveryStatus;
  /** Attempts made so far (manual ones included). */
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastResponseCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly completedAt: string | null;
}

export type AttemptErrorClass = 'permanent' | 'retryable' | 'rateLimited';
export type AttemptTrigger = 'auto' | 'manual' | 'test' | 'replay';

export interface DeliveryAttempt {
  readonly id: string;
  readonly deliveryId: string;
  /** 1-based, in the order made. */
  readonly number: number;
  readonly trigger: AttemptTrigger;
  readonly startedAt: string;
  readonly durationMs: number;
  /** Request headers with signatures and secrets redacted. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly responseCode: number | null;
  /** The first 4 KB of the response body. */
  readonly responseBody: string | null;
  readonly success: boolean;
  readonly errorClass: AttemptErrorClass | null;
  readonly errorMessage: string | null;
  readonly nextAttemptAt: string | null;
}

export interface SourceConfig {
  readonly id: string;
  readonly communityId: string;
  /** Source plugin id, e.g. `github`. */
  readonly plugin: string;
  readonly name: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly secretsCiphertext: string | null;
  readonly secretFields: readonly string[];
  readonly active: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly communityId: string | null;
  readonly actorType: 'user' | 'apiKey' | 'system';
  readonly actorId: string;
  /** e.g. `webhook.created`, `webhook.updated`, `apiKey.revoked`. */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  /** What changed, with secret values never included. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface PageRequest {
  /** 1..200; adapters clamp. @defaultValue 50 */
  readonly limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. Invalid cursors throw `InvalidCursorError`. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** null on the last page. */
  readonly nextCursor: string | null;
}

/** Thrown by adapters for a cursor they did not make. Recognise by `name`. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** Thrown on a unique-constraint violation other than the documented idempotent ones. */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
  constructor(readonly key: string) {
    super(`duplicate ${key}`);
  }
}

/** `communityIds` undefined = no restriction (instance owner); [] = nothing visible. */
interface CommunityScoped {
  readonly communityIds?: readonly string[];
}

export interface CommunityRepository {
  create(community: Community): Promise<Community>;
  get(id: string): Promise<Community | null>;
  list(filter: CommunityScoped, page?: PageRequest): Promise<Page<Community>>;
  update(id: string, patch: Partial<Pick<Community, 'name' | 'updatedAt'>>): Promise<Community | null>;
  delete(id: string): Promise<boolean>;
}

export interface UserRepository {
  create(user: User): Promise<User>;
  get(id: string): Promise<User | null>;
  /** Case-insensitive. */
  getByEmail(email: string): Promise<User | null>;
  list(filter: CommunityScoped, page?: PageRequest): Promise<Page<User>>;
  update(id: string, patch: Partial<Pick<User, 'name' | 'passwordHash' | 'memberships' | 'updatedAt'>>): Promise<User | null>;
  delete(id: string): Promise<boolean>;
  count(): Promise<number>;
}

export interface SessionRepository {
  create(session: Session): Promise<Session>;
  get(tokenHash: string): Promise<Session | null>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

export interface ApiKeyRepository {
  create(key: ApiKey): Promise<ApiKey>;
  get(id: string): Promise<ApiKey | null>;
  getByHash(keyHash: string): Promise<ApiKey | null>;
  list(filter: CommunityScoped, page?: PageRequest): Promise<Page<ApiKey>>;
  touch(id: string, at: string): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface WebhookFilter extends CommunityScoped {
  readonly active?: boolean;
  readonly connector?: string;
}

export interface WebhookRepository {
  create(webhook: Webhook): Promise<Webhook>;
  get(id: string): Promise<Webhook | null>;
  list(filter: WebhookFilter, page?: PageRequest): Promise<Page<Webhook>>;
  /** Every active webhook of a community, for fan-out (matching is core's job). */
  listActive(communityId: string): Promise<readonly Webhook[]>;
  update(id: string, patch: Partial<Omit<Webhook, 'id' | 'communityId' | 'createdAt'>>): Promise<Webhook | null>;
  /** Atomically add `delta` (or reset when `reset`) and return the new count. */
  bumpConsecutiveDead(id: string, change: { reset: true } | { delta: number }): Promise<number>;
  delete(id: string): Promise<boolean>;
}

export interface EventFilter extends CommunityScoped {
  readonly type?: string;
  readonly source?: string;
  /** Inclusive, on receivedAt. */
  readonly since?: string;
  /** Exclusive, on receivedAt. */
  readonly until?: string;
}

export interface EventRepository {
  /** Insert unless the id exists. `inserted: false` returns the stored event untouched. */
  insert(event: StoredEvent): Promise<{ inserted: boolean; event: StoredEvent }>;
  get(id: string): Promise<StoredEvent | null>;
  list(filter: EventFilter, page?: PageRequest): Promise<Page<StoredEvent>>;
  markProcessed(id: string, at: string): Promise<void>;
  /** Oldest first: events not yet fanned out, received before `receivedBefore`. */
  listUnprocessed(receivedBefore: string, limit: number): Promise<readonly StoredEvent[]>;
}

export interface DeliveryFilter extends CommunityScoped {
  readonly status?: DeliveryStatus | readonly DeliveryStatus[];
  readonly eventType?: string;
  readonly webhookId?: string;
  readonly eventId?: string;
  /** Inclusive, on createdAt. */
  readonly since?: string;
  /** Exclusive, on createdAt. */
  readonly until?: string;
}

export type DeliveryPatch = Partial<
  Pick<Delivery, 'status' | 'attempts' | 'nextAttemptAt' | 'lastResponseCode' | 'lastError' | 'updatedAt' | 'completedAt'>
>;

export interface DeliveryRepository {
  /**
   * Insert each delivery unless one exists for the same (eventId, webhookId). Returns, for
   * every input, the stored row (new or existing), in input order.
   */
  createMany(deliveries: readonly Delivery[]): Promise<readonly Delivery[]>;
  get(id: string): Promise<Delivery | null>;
  list(filter: DeliveryFilter, page?: PageRequest): Promise<Page<Delivery>>;
  /**
   * Compare-and-set: apply `patch` only if the current status is one of `from`. Returns the
   * updated row, or null when the row is missing or its status was not in `from`.
   */
  transition(id: string, from: readonly DeliveryStatus[], patch: DeliveryPatch): Promise<Delivery | null>;
  /** Append an attempt; `number` must be unique per delivery (DuplicateKeyError otherwise). */
  addAttempt(attempt: DeliveryAttempt): Promise<DeliveryAttempt>;
  /** In attempt order. */
  listAttempts(deliveryId: string): Promise<readonly DeliveryAttempt[]>;
  /** Oldest first; for the reconciler. */
  listByStatus(status: readonly DeliveryStatus[], limit: number, cursor?: string): Promise<Page<Delivery>>;
  countByStatus(filter: DeliveryFilter): Promise<Readonly<Record<DeliveryStatus, number>>>;
}

export interface SourceRepository {
  create(source: SourceConfig): Promise<SourceConfig>;
  get(id: string): Promise<SourceConfig | null>;
  list(filter: CommunityScoped & { plugin?: string }, page?: PageRequest): Promise<Page<SourceConfig>>;
  update(id: string, patch: Partial<Omit<SourceConfig, 'id' | 'createdAt'>>): Promise<SourceConfig | null>;
  delete(id: string): Promise<boolean>;
}

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  list(filter: CommunityScoped & { targetId?: string; action?: string }, page?: PageRequest): Promise<Page<AuditEntry>>;
}

export interface Store {
  /** `sqlite` or `mongo`, for logs and /readyz. */
  readonly kind: string;
  readonly communities: CommunityRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly webhooks: WebhookRepository;
  readonly events: EventRepository;
  readonly deliveries: DeliveryRepository;
  readonly sources: SourceRepository;
  readonly audit: AuditRepository;
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
