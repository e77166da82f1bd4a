import type { DeliverInput } from '../define-sink.ts';
import type { HubEvent } from '../events.ts';

/**
 * A stored event for tests; `member.created` with a small payload unless overridden.
 *
 * @example
 * createTestEvent({ type: 'github.push', data: { ref: 'refs/heads/main' } });
 */
export function createTestEvent(overrides: Partial<HubEvent> = {}): HubEvent {
  return {
    id: 'evt_test_0001',
    type: 'member.created',
    source: 'api',
    communityId: 'com_test',
    occurredAt: '2026-01-01T11:59:00.000Z',
    data: { member: { id: 'mem_1', name: 'Ada Lovelace' } },
    ...overrides,
  };
}

/**
 * The envelope core stores and sends, `{"event","timestamp","eventId","data"}`, as exact bytes.
 */
export function envelopeBody(event: HubEvent): string {
  return JSON.stringify({ event: event.type, timestamp: event.occurredAt, eventId: event.id, data: event.data });
}

/**
 * What core hands to `deliver()`: the event, the webhook and the envelope bytes.
 *
 * @example
 * const input = createDeliverInput({ url: 'https://receiver.example.com/hook', event: { type: 'github.push' } });
 */
export function createDeliverInput(
  options: { event?: Partial<HubEvent>; url?: string | null; webhook?: Partial<DeliverInput['webhook']> } = {},
): DeliverInput {
  const event = createTestEvent(options.event);
  return {
    event,
    webhook: {
      id: 'wh_test_0001',
      name: 'Test webhook',
      communityId: event.communityId,
      url: options.url ?? null,
      ...options.webhook,
    },
    body: envelopeBody(event),
  };
}
