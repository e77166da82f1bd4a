/**
 * The wire shapes of the core HTTP API (`/api/v1`). These mirror the contract the core server
 * implements; when the server changes a shape, this file and `client.ts` are the only places to
 * adapt.
 */

export type Role = 'owner' | 'admin' | 'viewer';

export interface Membership {
  /** `'*'` = every community (the instance owner). */
  readonly communityId: string;
  readonly role: Role;
}

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly memberships: readonly Membership[];
}

/** A user as the users API returns it (owners only). */
export interface ManagedUser extends User {
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface UserInput {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly memberships: readonly Membership[];
}

/** Only the fields given change; a new password ends the user's sessions. */
export interface UserPatch {
  readonly name?: string;
  readonly password?: string;
  readonly memberships?: readonly Membership[];
}

export interface Session {
  readonly user: User;
  readonly csrfToken: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface Community {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface CommunityInput {
  /** 1-63 lower-case letters, digits or dashes, starting with a letter or digit. */
  readonly id: string;
  readonly name: string;
}

/** A JSON Schema object as produced by `@valibot/to-json-schema`, with `x-ui` hints. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface PluginTemplate {
  /** An exact type or a pattern (`github.*`, `*`). */
  readonly eventType: string;
  readonly description?: string;
  /** The default Handlebars source. */
  readonly source: string;
}

export interface EventTypeInfo {
  readonly type: string;
  readonly description: string;
  readonly samplePayload: unknown;
}

export type PluginKind = 'sink' | 'source';

export interface Plugin {
  readonly id: string;
  readonly kind: PluginKind;
  readonly name: string;
  readonly description: string;
  /** An emoji, an image URL, a name, or null. */
  readonly icon: string | null;
  readonly version: string;
  /** Sinks that deliver to a user-given URL (the generic signed webhook). */
  readonly requiresUrl?: boolean;
  readonly settingsSchema: JsonSchema;
  readonly secretsSchema: JsonSchema;
  readonly secretFields: readonly string[];
  readonly templates: readonly PluginTemplate[];
  readonly eventTypes: readonly EventTypeInfo[];
}

export interface EventType {
  readonly type: string;
  readonly source: string;
  readonly description: string;
  readonly samplePayload: unknown;
}

export interface SigningSecretInfo {
  readonly id: string;
  readonly fingerprint: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

export interface Webhook {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  readonly connector: string;
  readonly url: string | null;
  readonly events: readonly string[];
  readonly active: boolean;
  readonly disabledReason: string | null;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly pluginSecrets: Readonly<Record<string, { readonly set: boolean }>>;
  readonly signingSecrets: readonly SigningSecretInfo[];
  readonly retrySchedule: readonly number[] | null;
  /** Dead deliveries in a row; the hub disables the webhook at its threshold. */
  readonly consecutiveDead?: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface WebhookCreated extends Webhook {
  /** `whsec_...`: returned once, in this response only. */
  readonly secret: string;
}

export interface WebhookInput {
  readonly name: string;
  readonly communityId?: string;
  readonly connector?: string;
  readonly url?: string | null;
  readonly events: readonly string[];
  /** Only on create: a `whsec_...` secret to use instead of a generated one. */
  readonly secret?: string;
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Plugin secrets; only the fields being set or replaced. */
  readonly secrets?: Readonly<Record<string, string>>;
  readonly active?: boolean;
  /**
   * Delay before each attempt: milliseconds or a duration string (`30s`, `5m`, `1h`).
   * `null` = the hub default. The server answers with milliseconds.
   */
  readonly retrySchedule?: readonly (number | string)[] | null;
}

export type WebhookPatch = Partial<Omit<WebhookInput, 'secret'>>;

export interface WebhookFilter {
  readonly communityId?: string;
  readonly active?: boolean;
  readonly connector?: string;
}

export interface TestResult {
  readonly deliveryId: string;
  readonly eventId?: string;
  readonly success: boolean;
  readonly responseCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
}

export type DeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'dead';
export const deliveryStatuses: readonly DeliveryStatus[] = ['pending', 'retrying', 'succeeded', 'dead'];

export interface Delivery {
  readonly id: string;
  readonly eventId: string;
  readonly webhookId: string;
  readonly communityId: string;
  readonly eventType: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastResponseCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly completedAt: string | null;
}

export type AttemptTrigger = 'auto' | 'manual' | 'test' | 'replay';
export type AttemptErrorClass = 'permanent' | 'retryable' | 'rateLimited';

export interface DeliveryAttempt {
  readonly id: string;
  readonly number: number;
  readonly trigger: AttemptTrigger;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly responseCode: number | null;
  readonly responseBody: string | null;
  readonly success: boolean;
  readonly errorClass: AttemptErrorClass | null;
  readonly errorMessage: string | null;
  readonly nextAttemptAt: string | null;
}

export interface HubEvent {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly communityId: string;
  readonly occurredAt: string;
  readonly receivedAt: string;
  /** The exact JSON envelope delivered and signed, as a string. */
  readonly payload: string;
  readonly processed: boolean;
}

export interface DeliveryDetail {
  readonly delivery: Delivery;
  readonly attempts: readonly DeliveryAttempt[];
  readonly event: HubEvent;
}

export interface EventDetail {
  readonly event: HubEvent;
  readonly deliveries: readonly Delivery[];
}

export interface DeliveryFilter {
  readonly status?: DeliveryStatus;
  readonly eventType?: string;
  readonly webhookId?: string;
  readonly since?: string;
  readonly until?: string;
}

/** Statuses a bulk retry can pick; a succeeded delivery is never retried. */
export type RetryableStatus = Exclude<DeliveryStatus, 'succeeded'>;

/** `POST /deliveries/retry`: every delivery matching this (dead ones when no status is given). */
export interface BulkRetryFilter {
  readonly status?: readonly RetryableStatus[];
  readonly webhookId?: string;
  readonly eventType?: string;
  readonly since?: string;
  readonly until?: string;
}

export interface BulkRetryResult {
  readonly retried: number;
}

/** `POST /events/:id/replay`: one delivery per webhook the event went to again. */
export interface ReplayResult {
  readonly deliveries: readonly Delivery[];
}

export interface EventFilter {
  readonly type?: string;
  readonly source?: string;
  readonly since?: string;
  readonly until?: string;
}

export type ApiKeyScope = 'events:publish' | 'webhooks:read' | 'webhooks:write';
export const apiKeyScopes: readonly { readonly scope: ApiKeyScope; readonly description: string }[] = [
  { scope: 'events:publish', description: 'Publish events with POST /api/v1/events' },
  { scope: 'webhooks:read', description: 'Read webhooks, deliveries and events' },
  { scope: 'webhooks:write', description: 'Create, change and delete webhooks; retry deliveries' },
];

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly communityId: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

export interface ApiKeyCreated extends ApiKey {
  /** The whole key: returned once, in this response only. */
  readonly key: string;
}

export interface ApiKeyInput {
  readonly name: string;
  readonly communityId: string;
  readonly scopes: readonly ApiKeyScope[];
}

export interface Stats {
  readonly deliveries: Readonly<Record<DeliveryStatus, number>>;
  readonly successRate: number;
  readonly failureRate: number;
  readonly retryCount: number;
  readonly queue: { readonly waiting: number; readonly active: number; readonly delayed: number; readonly failed: number };
}

export type AuditActorType = 'user' | 'apiKey' | 'system';

/** Who changed what: one entry of `GET /audit`. */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  /** null for instance-wide changes (users). */
  readonly communityId: string | null;
  readonly actorType: AuditActorType;
  readonly actorId: string;
  /** e.g. `webhook.created`, `delivery.bulkRetried`, `user.updated`. */
  readonly action: string;
  readonly targetType: string;
  /** `*` for bulk actions. */
  readonly targetId: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditFilter {
  readonly communityId?: string;
  readonly targetId?: string;
  readonly action?: string;
}

/** One entry of a 422 response's `details`: where the problem is and what it is. */
export interface FieldIssue {
  /** Dotted path such as `url`, `events` or `settings.username`. */
  readonly path: string;
  readonly message: string;
}
