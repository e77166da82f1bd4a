/**
 * Builders for contract-test rows. Every row gets fresh ids and, where it matters, its own
 * community, so tests sharing one store never see each other's rows in scoped queries.
 */
import { newId } from '../../src/ids.ts';
import type {
  ApiKey,
  AuditEntry,
  Community,
  Delivery,
  DeliveryAttempt,
  Page,
  Session,
  SourceConfig,
  StoredEvent,
  User,
  Webhook,
} from '../../src/store/ports.ts';

/** A fixed instant plus `offsetMs`, as the ISO strings the store keeps. */
export function at(offsetMs = 0, base = '2026-03-01T12:00:00.000Z'): string {
  return new Date(Date.parse(base) + offsetMs).toISOString();
}

export function aCommunity(overrides: Partial<Community> = {}): Community {
  return { id: newId('com'), name: 'Community', createdAt: at(), updatedAt: at(), ...overrides };
}

export function aUser(overrides: Partial<User> = {}): User {
  const id = newId('usr');
  return {
    id,
    email: `${id}@example.test`,
    name: 'A User',
    passwordHash: 'scrypt$hash',
    memberships: [],
    createdAt: at(),
    updatedAt: at(),
    ...overrides,
  };
}

export function aSession(userId: string, overrides: Partial<Session> = {}): Session {
  return {
    tokenHash: newId('tok'),
    userId,
    csrfToken: newId('csrf'),
    createdAt: at(),
    expiresAt: '2100-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function anApiKey(communityId: string, overrides: Partial<ApiKey> = {}): ApiKey {
  const id = newId('key');
  return {
    id,
    name: 'CI key',
    communityId,
    scopes: ['events:publish', 'webhooks:read'],
    prefix: 'hub_abcd',
    keyHash: `hash-${id}`,
    createdBy: 'usr_owner',
    createdAt: at(),
    lastUsedAt: null,
    ...overrides,
  };
}

export function aWebhook(communityId: string, overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: newId('wh'),
    communityId,
    name: 'Member events',
    connector: 'generic-http',
    url: 'https://example.test/hook',
    events: ['member.*', 'message.created'],
    secrets: [{ id: newId('sec'), ciphertext: 'v1.abc.def', fingerprint: 'fp:1234', createdAt: at(), expiresAt: null }],
    settings: { headers: { 'x-team': 'core' }, batch: false, tags: ['a', 'b'] },
    pluginSecretsCiphertext: null,
    pluginSecretFields: [],
    active: true,
    disabledReason: null,
    retrySchedule: null,
    consecutiveDead: 0,
    createdAt: at(),
    updatedAt: at(),
    ...overrides,
  };
}

export function anEvent(communityId: string, overrides: Partial<StoredEvent> = {}): StoredEvent {
  const id = overrides.id ?? newId('evt');
  const type = overrides.type ?? 'member.joined';
  return {
    id,
    communityId,
    type,
    source: 'api',
    occurredAt: at(),
    receivedAt: at(),
    payload: JSON.stringify({ event: type, timestamp: at(), eventId: id, data: { user: 'u1' } }),
    processed: false,
    processedAt: null,
    ...overrides,
  };
}

export function aDelivery(communityId: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: newId('dlv'),
    eventId: newId('evt'),
    webhookId: newId('wh'),
    communityId,
    eventType: 'member.joined',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    lastResponseCode: null,
    lastError: null,
    createdAt: at(),
    updatedAt: at(),
    completedAt: null,
    ...overrides,
  };
}

export function anAttempt(deliveryId: string, number: number, overrides: Partial<DeliveryAttempt> = {}): DeliveryAttempt {
  return {
    id: newId('att'),
    deliveryId,
    number,
    trigger: 'auto',
    startedAt: at(number * 1000),
    durationMs: 12.5,
    requestHeaders: { 'content-type': 'application/json', 'webhook-signature': '[redacted]' },
    responseCode: 500,
    responseBody: 'upstream down',
    success: false,
    errorClass: 'retryable',
    errorMessage: 'HTTP 500',
    nextAttemptAt: at(60_000),
    ...overrides,
  };
}

export function aSource(communityId: string, overrides: Partial<SourceConfig> = {}): SourceConfig {
  return {
    id: newId('src'),
    communityId,
    plugin: 'github',
    name: 'Main repo',
    settings: { events: ['push'], nested: { depth: 2 } },
    secretsCiphertext: 'v1.ciphertext',
    secretFields: ['webhookSecret'],
    active: true,
    createdAt: at(),
    updatedAt: at(),
    ...overrides,
  };
}

export function anAuditEntry(communityId: string | null, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: newId('aud'),
    at: at(),
    communityId,
    actorType: 'user',
    actorId: 'usr_owner',
    action: 'webhook.created',
    targetType: 'webhook',
    targetId: newId('wh'),
    details: { name: 'Member events', changed: ['url'] },
    ...overrides,
  };
}

/** Follows `nextCursor` to the end; counts pages so tests can check the page size. */
export async function allPages<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await fetch(cursor);
    pages += 1;
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (pages > 1000) throw new Error('pagination does not terminate');
  } while (cursor !== undefined);
  return { items, pages };
}

export const ids = (items: readonly { readonly id: string }[]): string[] => items.map((item) => item.id);

/** Binary string order, as both databases compare (not locale order). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order lists promise: sort value ascending then id ascending; reverse for newest first. */
export function oldestFirst<T extends { readonly id: string }>(items: readonly T[], sortValue: (item: T) => string): T[] {
  return [...items].sort((a, b) => compare(sortValue(a), sortValue(b)) || compare(a.id, b.id));
}

export function newestFirst<T extends { readonly id: string }>(items: readonly T[], sortValue: (item: T) => string): T[] {
  return oldestFirst(items, sortValue).reverse();
}
