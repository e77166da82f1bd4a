import type { EventTypeDefinition } from '@hub/plugin-sdk';

/** Events the community platform publishes (the request's list). */
export const COMMUNITY_EVENT_TYPES: readonly EventTypeDefinition[] = [
  {
    type: 'member.created',
    description: 'A person joined the community',
    samplePayload: { memberId: 'mem_123', name: 'Ada Lovelace', email: 'ada@example.com', joinedAt: '2026-12-01T10:00:00Z' },
  },
  {
    type: 'member.activated',
    description: 'A member confirmed their account and became active',
    samplePayload: { memberId: 'mem_123', name: 'Ada Lovelace', activatedAt: '2026-12-01T10:05:00Z' },
  },
  {
    type: 'event.created',
    description: 'A community event was created',
    samplePayload: { eventId: 'ev_42', title: 'Monthly meetup', startsAt: '2026-12-15T18:00:00Z', location: 'Online', url: 'https://example.com/events/42' },
  },
  {
    type: 'hackathon.created',
    description: 'A hackathon was launched',
    samplePayload: { hackathonId: 'hack_7', title: 'Winter Hack', startsAt: '2027-01-10T09:00:00Z', endsAt: '2027-01-12T18:00:00Z', url: 'https://example.com/hackathons/7' },
  },
  {
    type: 'community.approved',
    description: 'A community was approved by the platform',
    samplePayload: { communityId: 'default', name: 'Default community', approvedBy: 'admin@example.com' },
  },
];

/** Events the hub itself emits. */
export const SYSTEM_EVENT_TYPES: readonly EventTypeDefinition[] = [
  {
    type: 'webhook.test',
    description: 'A test delivery sent from the dashboard or POST /webhooks/:id/test',
    samplePayload: { webhookId: 'wh_123', message: 'This is a test event from your webhook hub.' },
  },
  {
    type: 'webhook.disabled',
    description: 'A webhook was disabled automatically after repeated failures or a "gone" answer',
    samplePayload: { webhookId: 'wh_123', name: 'CRM', reason: '5 consecutive dead deliveries' },
  },
  {
    type: 'delivery.dead',
    description: 'A delivery exhausted its retries or failed permanently',
    samplePayload: { deliveryId: 'dlv_123', webhookId: 'wh_123', eventId: 'evt_123', eventType: 'member.created', lastError: 'HTTP 503' },
  },
];

/** System events cannot be published over the API; only the hub emits them. */
export const SYSTEM_EVENT_TYPE_NAMES: ReadonlySet<string> = new Set(SYSTEM_EVENT_TYPES.map((definition) => definition.type));
