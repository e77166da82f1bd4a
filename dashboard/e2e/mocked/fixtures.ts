import type { ApiKey, AuditEntry, Community, Delivery, DeliveryAttempt, EventType, HubEvent, ManagedUser, Plugin, User, Webhook } from '../../src/api/types.ts';

/** Sample data shaped like the core API, for the mocked visual tests. */

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export const user: User = {
  id: 'usr_1',
  email: 'admin@example.com',
  name: 'Ada Admin',
  memberships: [{ communityId: '*', role: 'owner' }],
};

/** A viewer of one community: no audit log, no users page. */
export const viewerUser: User = {
  id: 'usr_9',
  email: 'vera@example.com',
  name: 'Vera Viewer',
  memberships: [{ communityId: 'cmt_acme', role: 'viewer' }],
};

export const communities: Community[] = [
  { id: 'cmt_acme', name: 'Acme Community', createdAt: minutesAgo(90_000) },
  { id: 'cmt_guild', name: 'Design Guild', createdAt: minutesAgo(40_000) },
];

const envelope = { type: 'object', additionalProperties: false } as const;

export const plugins: Plugin[] = [
  {
    id: 'generic-http',
    kind: 'sink',
    name: 'Signed webhook',
    description: 'POST each event as JSON to your endpoint, signed with HMAC-SHA256 (Standard Webhooks compatible).',
    icon: '🔗',
    version: '1.0.0',
    requiresUrl: true,
    settingsSchema: {
      ...envelope,
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: {
        timeoutMs: { type: 'number', minimum: 1000, maximum: 30000, 'x-ui': { label: 'Timeout (ms)', help: 'Per attempt. Default 10000.', placeholder: '10000' } },
        headers: {
          type: 'object',
          additionalProperties: { type: 'string' },
          'x-ui': { label: 'Extra headers', help: 'Sent with every delivery.' },
        },
      },
      required: [],
    },
    secretsSchema: { ...envelope, properties: {}, required: [] },
    secretFields: [],
    templates: [],
    eventTypes: [],
  },
  {
    id: 'discord',
    kind: 'sink',
    name: 'Discord',
    description: 'Post messages to a Discord channel through a channel webhook, with Handlebars templates per event.',
    icon: '💬',
    version: '1.0.0',
    requiresUrl: false,
    settingsSchema: {
      ...envelope,
      properties: {
        username: { type: 'string', maxLength: 80, 'x-ui': { label: 'Bot name', placeholder: 'Event Hub' } },
        avatarUrl: { type: 'string', format: 'uri', 'x-ui': { label: 'Avatar URL', widget: 'url', placeholder: 'https://…/avatar.png' } },
        style: { type: 'string', enum: ['plain', 'embed'], 'x-ui': { label: 'Message style', help: 'Embeds show fields in a card.' } },
        allowMentions: { type: 'boolean', 'x-ui': { label: 'Allow @mentions', help: 'Off by default so event text cannot ping everyone.' } },
        templates: {
          type: 'object',
          additionalProperties: { type: 'string' },
          'x-ui': { widget: 'template', label: 'Message templates', help: 'Handlebars. Leave a template empty to use the default.' },
        },
      },
      required: [],
    },
    secretsSchema: {
      ...envelope,
      properties: {
        webhookUrl: {
          type: 'string',
          format: 'uri',
          'x-ui': { label: 'Discord webhook URL', widget: 'url', secret: true, help: 'Channel settings → Integrations → Webhooks → Copy URL.', placeholder: 'https://discord.com/api/webhooks/…' },
        },
      },
      required: ['webhookUrl'],
    },
    secretFields: ['webhookUrl'],
    templates: [
      { eventType: 'member.created', description: 'A new member joined', source: '👋 **{{data.name}}** joined {{data.community}}!' },
      { eventType: 'event.created', description: 'An event was created', source: '🚀 New event: **{{data.title}}** on {{date data.startsAt}}' },
      { eventType: 'github.pr.opened', description: 'A pull request was opened', source: '🔀 PR #{{data.number}} {{data.title}} by {{data.author}}' },
    ],
    eventTypes: [],
  },
  {
    id: 'slack-example',
    kind: 'sink',
    name: 'Slack',
    description: 'Send events to a Slack channel with an incoming webhook.',
    icon: '💼',
    version: '0.1.0',
    settingsSchema: { ...envelope, properties: { channel: { type: 'string', 'x-ui': { label: 'Channel', placeholder: '#alerts' } } }, required: [] },
    secretsSchema: { ...envelope, properties: { webhookUrl: { type: 'string', 'x-ui': { label: 'Incoming webhook URL', secret: true } } }, required: ['webhookUrl'] },
    secretFields: ['webhookUrl'],
    templates: [],
    eventTypes: [],
  },
  {
    id: 'github',
    kind: 'source',
    name: 'GitHub',
    description: 'Receive GitHub webhooks, verified with the repository secret.',
    icon: null,
    version: '1.0.0',
    settingsSchema: { ...envelope, properties: {} },
    secretsSchema: { ...envelope, properties: {} },
    secretFields: [],
    templates: [],
    eventTypes: [],
  },
];

export const eventTypes: EventType[] = [
  { type: 'member.created', source: 'internal', description: 'A member joined a community', samplePayload: {} },
  { type: 'member.activated', source: 'internal', description: 'A member confirmed their account', samplePayload: {} },
  { type: 'event.created', source: 'internal', description: 'An event was scheduled', samplePayload: {} },
  { type: 'hackathon.created', source: 'internal', description: 'A hackathon was launched', samplePayload: {} },
  { type: 'community.approved', source: 'internal', description: 'A community was approved', samplePayload: {} },
  { type: 'github.push', source: 'github', description: 'Commits pushed to a branch', samplePayload: {} },
  { type: 'github.pr.opened', source: 'github', description: 'A pull request was opened', samplePayload: {} },
  { type: 'github.issues.opened', source: 'github', description: 'An issue was opened', samplePayload: {} },
  { type: 'github.release.published', source: 'github', description: 'A release was published', samplePayload: {} },
  { type: 'webhook.disabled', source: 'system', description: 'The hub disabled a failing webhook', samplePayload: {} },
];

const secretInfo = (id: string) => [{ id: `sec_${id}`, fingerprint: `whsec_…${id.slice(-4)}a91f`, createdAt: minutesAgo(30_000), expiresAt: null }];

export function sampleWebhooks(): Webhook[] {
  return [
    {
      id: 'wh_billing',
      communityId: 'cmt_acme',
      name: 'Billing service',
      connector: 'generic-http',
      url: 'https://billing.acme.dev/hooks/hub',
      events: ['member.created', 'member.activated'],
      active: true,
      disabledReason: null,
      settings: { timeoutMs: 5000 },
      pluginSecrets: {},
      consecutiveDead: 2,
      signingSecrets: secretInfo('wh_billing'),
      retrySchedule: null,
      createdAt: minutesAgo(20_000),
      updatedAt: minutesAgo(300),
    },
    {
      id: 'wh_discord',
      communityId: 'cmt_acme',
      name: 'Community announcements',
      connector: 'discord',
      url: null,
      events: ['member.created', 'event.created', 'hackathon.created'],
      active: true,
      disabledReason: null,
      settings: { username: 'Acme Bot', style: 'embed', templates: { 'member.created': '🎉 Welcome **{{data.name}}**!' } },
      pluginSecrets: { webhookUrl: { set: true } },
      signingSecrets: secretInfo('wh_discord'),
      retrySchedule: null,
      createdAt: minutesAgo(12_000),
      updatedAt: minutesAgo(60),
    },
    {
      id: 'wh_ci',
      communityId: 'cmt_guild',
      name: 'CI notifier',
      connector: 'generic-http',
      url: 'https://ci.guild.example/api/github-events',
      events: ['github.*'],
      active: false,
      disabledReason: 'Disabled after 5 failed deliveries in a row (last: HTTP 410 Gone)',
      settings: {},
      pluginSecrets: {},
      signingSecrets: secretInfo('wh_ci'),
      retrySchedule: null,
      createdAt: minutesAgo(9_000),
      updatedAt: minutesAgo(25),
    },
    {
      id: 'wh_slack',
      communityId: 'cmt_guild',
      name: 'Ops alerts',
      connector: 'slack-example',
      url: null,
      events: ['*'],
      active: false,
      disabledReason: null,
      settings: { channel: '#ops' },
      pluginSecrets: { webhookUrl: { set: true } },
      signingSecrets: secretInfo('wh_slack'),
      retrySchedule: null,
      createdAt: minutesAgo(3_000),
      updatedAt: minutesAgo(3_000),
    },
  ];
}

export function sampleEvents(): HubEvent[] {
  const make = (id: string, type: string, source: string, minutes: number, data: Record<string, unknown>, processed = true): HubEvent => ({
    id,
    type,
    source,
    communityId: 'cmt_acme',
    occurredAt: minutesAgo(minutes),
    receivedAt: minutesAgo(minutes),
    payload: JSON.stringify({ event: type, timestamp: minutesAgo(minutes), eventId: id, data }),
    processed,
  });
  return [
    make('evt_01J9Z6', 'member.created', 'internal', 1, { memberId: 'mem_812', name: 'Grace Hopper', community: 'Acme Community' }, false),
    make('evt_01J9Z5', 'event.created', 'internal', 7, { eventId: 'ev_77', title: 'Spring meetup', startsAt: '2026-04-02T18:00:00Z' }),
    make('evt_01J9Z4', 'github.pr.opened', 'github', 18, { number: 42, title: 'Add retry jitter', author: 'octocat', repository: 'acme/hub' }),
    make('evt_01J9Z3', 'member.activated', 'internal', 44, { memberId: 'mem_811' }),
    make('evt_01J9Z2', 'hackathon.created', 'internal', 95, { title: 'Hack the Planet', prizes: 3 }),
    make('evt_01J9Z1', 'github.push', 'github', 180, { ref: 'refs/heads/main', commits: 3 }),
  ];
}

export function sampleDeliveries(): Delivery[] {
  const make = (
    id: string,
    eventId: string,
    webhookId: string,
    eventType: string,
    status: Delivery['status'],
    attempts: number,
    code: number | null,
    minutes: number,
    lastError: string | null = null,
  ): Delivery => ({
    id,
    eventId,
    webhookId,
    communityId: 'cmt_acme',
    eventType,
    status,
    attempts,
    nextAttemptAt: status === 'retrying' ? new Date(Date.now() + 4 * 60_000).toISOString() : null,
    lastResponseCode: code,
    lastError,
    createdAt: minutesAgo(minutes),
    updatedAt: minutesAgo(minutes),
    completedAt: status === 'succeeded' || status === 'dead' ? minutesAgo(minutes) : null,
  });
  return [
    make('dlv_0012', 'evt_01J9Z6', 'wh_billing', 'member.created', 'pending', 0, null, 1),
    make('dlv_0011', 'evt_01J9Z6', 'wh_discord', 'member.created', 'succeeded', 1, 204, 1),
    make('dlv_0010', 'evt_01J9Z5', 'wh_discord', 'event.created', 'retrying', 2, 503, 7, 'HTTP 503 Service Unavailable'),
    make('dlv_0009', 'evt_01J9Z4', 'wh_ci', 'github.pr.opened', 'dead', 4, 410, 18, 'HTTP 410 Gone: endpoint removed'),
    make('dlv_0008', 'evt_01J9Z3', 'wh_billing', 'member.activated', 'succeeded', 1, 200, 44),
    make('dlv_0007', 'evt_01J9Z2', 'wh_discord', 'hackathon.created', 'succeeded', 2, 204, 95),
    make('dlv_0006', 'evt_01J9Z1', 'wh_ci', 'github.push', 'dead', 4, null, 180, 'connect ETIMEDOUT after 10000 ms'),
    make('dlv_0005', 'evt_01J9Z1', 'wh_slack', 'github.push', 'succeeded', 1, 200, 181),
  ];
}

export function sampleAttempts(delivery: Delivery): DeliveryAttempt[] {
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'EventHub/0.1',
    'x-webhook-event': delivery.eventType,
    'x-webhook-id': delivery.eventId,
    'x-webhook-signature': 't=1767225600,v1=[redacted]',
  };
  return Array.from({ length: delivery.attempts }, (_, index) => {
    const last = index === delivery.attempts - 1;
    const success = last && delivery.status === 'succeeded';
    const code = last ? delivery.lastResponseCode : 503;
    return {
      id: `${delivery.id}_a${index + 1}`,
      number: index + 1,
      trigger: 'auto',
      startedAt: new Date(Date.parse(delivery.createdAt) + [0, 60, 300, 900][index]! * 1000).toISOString(),
      durationMs: success ? 182 + index * 13 : 1204 + index * 310,
      requestHeaders: headers,
      responseCode: code,
      responseBody: success ? '{"ok":true}' : code === 410 ? '{"error":"this endpoint has been removed"}' : code === null ? null : '<html><body>503 Service Unavailable</body></html>',
      success,
      errorClass: success ? null : code === 410 ? 'permanent' : 'retryable',
      errorMessage: success ? null : (last ? delivery.lastError : 'HTTP 503 Service Unavailable'),
      nextAttemptAt: !success && !last ? new Date(Date.parse(delivery.createdAt) + [60, 300, 900][index]! * 1000).toISOString() : delivery.status === 'retrying' ? delivery.nextAttemptAt : null,
    };
  });
}

export function sampleApiKeys(): ApiKey[] {
  return [
    { id: 'key_1', name: 'Members service', communityId: 'cmt_acme', scopes: ['events:publish'], prefix: 'hub_live_8f2a', createdAt: minutesAgo(50_000), lastUsedAt: minutesAgo(1) },
    { id: 'key_2', name: 'Deploy bot', communityId: 'cmt_guild', scopes: ['webhooks:read', 'webhooks:write'], prefix: 'hub_live_c41d', createdAt: minutesAgo(8_000), lastUsedAt: null },
  ];
}

export function sampleUsers(): ManagedUser[] {
  const make = (id: string, email: string, name: string, memberships: ManagedUser['memberships'], minutes: number): ManagedUser => ({
    id,
    email,
    name,
    memberships,
    createdAt: minutesAgo(minutes),
    updatedAt: minutesAgo(minutes),
  });
  return [
    make('usr_3', 'grace@acme.dev', 'Grace Hopper', [{ communityId: 'cmt_acme', role: 'admin' }, { communityId: 'cmt_guild', role: 'viewer' }], 2_000),
    make('usr_2', 'linus@guild.example', 'Linus', [{ communityId: 'cmt_guild', role: 'owner' }], 30_000),
    make(user.id, user.email, user.name, user.memberships, 90_000),
  ];
}

/** Enough entries for a second page ("Load more" at 50). */
export function sampleAudit(): AuditEntry[] {
  const kinds: readonly Omit<AuditEntry, 'id' | 'at'>[] = [
    { communityId: 'cmt_acme', actorType: 'user', actorId: 'usr_1', action: 'event.replayed', targetType: 'event', targetId: 'evt_01J9Z5', details: { webhooks: ['wh_discord'] } },
    { communityId: 'cmt_acme', actorType: 'user', actorId: 'usr_3', action: 'delivery.bulkRetried', targetType: 'delivery', targetId: '*', details: { filter: { status: ['dead'], webhookId: 'wh_ci' }, retried: 2 } },
    { communityId: 'cmt_guild', actorType: 'system', actorId: 'hub', action: 'webhook.disabled', targetType: 'webhook', targetId: 'wh_ci', details: { reason: 'Disabled after 5 failed deliveries in a row (last: HTTP 410 Gone)' } },
    { communityId: 'cmt_acme', actorType: 'apiKey', actorId: 'key_members', action: 'webhook.updated', targetType: 'webhook', targetId: 'wh_billing', details: { changed: ['events', 'retrySchedule'], events: ['member.created', 'member.activated'] } },
    { communityId: null, actorType: 'user', actorId: 'usr_1', action: 'user.created', targetType: 'user', targetId: 'usr_3', details: { email: 'grace@acme.dev', memberships: [{ communityId: 'cmt_acme', role: 'admin' }] } },
    { communityId: 'cmt_acme', actorType: 'user', actorId: 'usr_3', action: 'apiKey.revoked', targetType: 'apiKey', targetId: 'key_old', details: {} },
    { communityId: 'cmt_acme', actorType: 'user', actorId: 'usr_1', action: 'webhook.created', targetType: 'webhook', targetId: 'wh_discord', details: { name: 'Community announcements', connector: 'discord', url: null, events: ['member.created', 'event.created', 'hackathon.created'], active: true, secretFields: ['webhookUrl'] } },
  ];
  return Array.from({ length: 62 }, (_, index) => ({ ...kinds[index % kinds.length]!, id: `aud_${String(100 - index).padStart(3, '0')}`, at: minutesAgo(3 + index * 37) }));
}
