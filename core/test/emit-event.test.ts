import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEventClient, createInProcessEventClient, EmitEventError } from '../src/events/emit-event.ts';
import { ApiClient } from './helpers/api-client.ts';
import { Receiver, waitFor } from './helpers/receiver.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestHub, type TestHub } from './helpers/test-hub.ts';

describe('emitEvent() client', () => {
  let t: TestHub;
  let receiver: Receiver;
  let apiKey: string;

  beforeAll(async () => {
    t = await startTestHub({ workers: true, env: { HUB_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8', HUB_RATE_LIMIT_PER_SECOND: '1000' } });
    receiver = await Receiver.start();
    const owner = await ApiClient.login(t.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    await owner.post('/api/v1/webhooks', { name: 'app', url: receiver.url(), events: ['member.*', 'event.created'] });
    apiKey = (await owner.post('/api/v1/api-keys', { name: 'app', communityId: 'default', scopes: ['events:publish'] })).body.key;
  });
  afterAll(async () => {
    await receiver.stop();
    await t.stop();
  });

  it('publishes over HTTP with an API key, idempotently', async () => {
    const client = createHttpEventClient({ baseUrl: t.baseUrl, apiKey });
    const first = await client.emitEvent('member.created', { memberId: 'mem_1', name: 'Ada' }, { eventId: 'member-mem_1' });
    const again = await client.emitEvent('member.created', { memberId: 'mem_1', name: 'Ada' }, { eventId: 'member-mem_1' });
    expect(first).toEqual({ eventId: 'member-mem_1', duplicate: false });
    expect(again).toEqual({ eventId: 'member-mem_1', duplicate: true });
    await waitFor(() => receiver.requests.some((r) => r.headers['x-webhook-id'] === 'member-mem_1'));
    const stored = await t.hub.store.events.get('member-mem_1');
    expect(stored?.source).toBe('api');
  });

  it('publishes in-process through the same publisher', async () => {
    const client = createInProcessEventClient(t.hub.publisher, { communityId: 'default' });
    const { eventId, duplicate } = await client.emitEvent('event.created', { eventId: 'ev_1', title: 'Meetup' }, { occurredAt: new Date('2026-12-01T10:00:00Z') });
    expect(duplicate).toBe(false);
    const request = await waitFor(() => receiver.requests.find((r) => r.headers['x-webhook-id'] === eventId));
    expect(JSON.parse(request.body)).toMatchObject({ event: 'event.created', timestamp: '2026-12-01T10:00:00.000Z', data: { title: 'Meetup' } });
    expect((await t.hub.store.events.get(eventId))?.source).toBe('internal');
  });

  it('reports the hub error as EmitEventError', async () => {
    const client = createHttpEventClient({ baseUrl: t.baseUrl, apiKey: 'hub_wrong' });
    const error = await client.emitEvent('member.activated', { memberId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmitEventError);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});
