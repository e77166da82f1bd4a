import { createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.ts';
import { Receiver, waitFor } from './helpers/receiver.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestHub, type TestHub } from './helpers/test-hub.ts';

/** An independent Stripe-style verifier: `t=<ts>,v1=<hex>`, HMAC-SHA256(secret, "<ts>.<body>"). */
function verifyStripeStyle(header: string, body: string, secret: string): boolean {
  const parts = header.split(',').map((part) => part.split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts.filter(([k]) => k === 'v1').some(([, hex]) => {
    const given = Buffer.from(hex ?? '', 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe('event pipeline and delivery engine (real Redis, SQLite, HTTP)', () => {
  let t: TestHub;
  let owner: ApiClient;
  let publisher: ApiClient;
  let receiver: Receiver;

  beforeAll(async () => {
    t = await startTestHub({
      workers: true,
      random: () => 0.5,
      env: { HUB_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8', HUB_RETRY_SCHEDULE: '0,100ms,200ms', HUB_DISABLE_AFTER_DEAD: '3', HUB_RECONCILE_INTERVAL: '1s', HUB_RATE_LIMIT_PER_SECOND: '1000' },
    });
    owner = await ApiClient.login(t.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const key = await owner.post('/api/v1/api-keys', { name: 'app', communityId: 'default', scopes: ['events:publish', 'webhooks:read'] });
    publisher = owner.withBearer(key.body.key);
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await t.stop();
  });
  beforeEach(async () => {
    receiver.respond(() => ({ status: 200, body: 'ok' }));
    // Each test gets its own webhooks: switch off those of earlier tests.
    for (const webhook of (await owner.get('/api/v1/webhooks?limit=200')).body.items) {
      if (webhook.active) await owner.patch(`/api/v1/webhooks/${webhook.id}`, { active: false });
    }
  });

  const createWebhook = async (body: Record<string, unknown> = {}) => {
    const res = await owner.post('/api/v1/webhooks', { name: 'receiver', url: receiver.url(), events: ['member.*'], ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };
  const publish = (body: Record<string, unknown>) => publisher.post('/api/v1/events', body);
  const deliveryOf = async (eventId: string, webhookId: string) => {
    const list = await owner.get(`/api/v1/deliveries?eventId=${eventId}&webhookId=${webhookId}`);
    return list.body.items[0];
  };
  const received = (eventId: string) => receiver.requests.filter((r) => r.headers['x-webhook-id'] === eventId);

  it('delivers a published event, signed, with the exact stored bytes', async () => {
    const webhook = await createWebhook();
    const res = await publish({ type: 'member.created', data: { name: 'Ada 🚀', id: 7 } });
    expect(res.status).toBe(202);
    expect(res.body.duplicate).toBe(false);
    const eventId: string = res.body.eventId;
    const [request] = await waitFor(() => (received(eventId).length > 0 ? received(eventId) : null), { what: 'the delivery' });
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-webhook-event']).toBe('member.created');
    const body = JSON.parse(request!.body);
    expect(body).toEqual({ event: 'member.created', timestamp: expect.any(String), eventId, data: { name: 'Ada 🚀', id: 7 } });
    const stored = await owner.get(`/api/v1/events/${eventId}`);
    expect(request!.body).toBe(stored.body.event.payload);

    const verified = new StandardWebhook(webhook.secret).verify(request!.body, {
      'webhook-id': String(request!.headers['webhook-id']),
      'webhook-timestamp': String(request!.headers['webhook-timestamp']),
      'webhook-signature': String(request!.headers['webhook-signature']),
    });
    expect(verified).toEqual(body);
    expect(verifyStripeStyle(String(request!.headers['x-webhook-signature']), request!.body, webhook.secret)).toBe(true);
    expect(verifyStripeStyle(String(request!.headers['x-webhook-signature']), request!.body, 'whsec_wrongwrongwrongwrongwrongwrong')).toBe(false);

    const delivery = await waitFor(async () => {
      const d = await deliveryOf(eventId, webhook.id);
      return d?.status === 'succeeded' && d;
    });
    const detail = await owner.get(`/api/v1/deliveries/${delivery.id}`);
    expect(detail.body.attempts).toHaveLength(1);
    const [attempt] = detail.body.attempts;
    expect(attempt).toMatchObject({ number: 1, success: true, responseCode: 200, responseBody: 'ok', trigger: 'auto' });
    expect(attempt.requestHeaders['x-webhook-signature']).toBe('[redacted]');
    expect(detail.text).not.toContain(webhook.secret);
    expect(stored.body.deliveries.map((d: any) => d.id)).toContain(delivery.id);
    expect(stored.body.event.processed).toBe(true);
  });

  it('sends the Authorization secret to the receiver and redacts it in the attempt log', async () => {
    const webhook = await createWebhook({ secrets: { authorization: 'Bearer receiver-token-123' } });
    const { eventId } = (await publish({ type: 'member.created', data: {} })).body;
    const [request] = await waitFor(() => (received(eventId).length > 0 ? received(eventId) : null));
    expect(request!.headers['authorization']).toBe('Bearer receiver-token-123');
    const delivery = await waitFor(async () => {
      const d = await deliveryOf(eventId, webhook.id);
      return d?.status === 'succeeded' && d;
    });
    const detail = await owner.get(`/api/v1/deliveries/${delivery.id}`);
    expect(detail.body.attempts[0].requestHeaders['authorization']).toBe('[redacted]');
    expect(detail.text).not.toContain('receiver-token-123');
  });

  it('acknowledges the same eventId twice and delivers it once', async () => {
    const webhook = await createWebhook();
    const eventId = `crm-${Date.now()}`;
    const first = await publish({ type: 'member.activated', data: { id: 1 }, eventId });
    const second = await publish({ type: 'member.activated', data: { id: 1 }, eventId });
    expect(first.body).toEqual({ eventId, duplicate: false });
    expect(second.body).toEqual({ eventId, duplicate: true });
    await waitFor(async () => (await deliveryOf(eventId, webhook.id))?.status === 'succeeded');
    // Re-running the fan-out and the reconciler must not send it again.
    await t.hub.fanOut.run(eventId);
    await t.hub.reconciler.runOnce();
    expect((await owner.get(`/api/v1/deliveries?eventId=${eventId}`)).body.items).toHaveLength(1);
    expect(received(eventId)).toHaveLength(1);
    const retry = await owner.post(`/api/v1/deliveries/${(await deliveryOf(eventId, webhook.id)).id}/retry`);
    expect(retry.status).toBe(409);
    expect(received(eventId)).toHaveLength(1);
  });

  it('refuses bad events with a 4xx and stores nothing', async () => {
    const before = (await owner.get('/api/v1/events?limit=200')).body.items.length;
    expect((await publish({ type: 'member.deleted', data: {} })).status).toBe(422);
    expect((await publish({ type: 'webhook.disabled', data: {} })).status).toBe(422);
    expect((await publish({ type: 'member.created', data: 'text' })).status).toBe(422);
    expect((await publish({ type: 'member.created', data: {}, eventId: 'has spaces' })).status).toBe(422);
    const big = await publish({ type: 'member.created', data: { blob: 'x'.repeat(300 * 1024) } });
    expect(big.status).toBe(413);
    expect((await publisher.request('POST', '/api/v1/events', undefined, { raw: '{"type":' })).status).toBe(400);
    expect((await owner.withBearer('hub_nope').post('/api/v1/events', { type: 'member.created', data: {} })).status).toBe(401);
    const readOnly = (await owner.post('/api/v1/api-keys', { name: 'ro', communityId: 'default', scopes: ['webhooks:read'] })).body.key;
    expect((await owner.withBearer(readOnly).post('/api/v1/events', { type: 'member.created', data: {} })).status).toBe(403);
    expect((await owner.get('/api/v1/events?limit=200')).body.items.length).toBe(before);
  });

  it('retries a failing receiver on schedule, dead-letters it, and lets a person retry it', async () => {
    const webhook = await createWebhook({ name: 'flaky' });
    receiver.respond(() => ({ status: 503, body: 'down for maintenance' }));
    const { eventId } = (await publish({ type: 'member.created', data: { n: 1 } })).body;
    const dead = await waitFor(async () => {
      const d = await deliveryOf(eventId, webhook.id);
      return d?.status === 'dead' && d;
    });
    expect(dead.attempts).toBe(3);
    expect(dead.lastResponseCode).toBe(503);
    const detail = (await owner.get(`/api/v1/deliveries/${dead.id}`)).body;
    expect(detail.attempts.map((a: any) => a.errorClass)).toEqual(['retryable', 'retryable', 'retryable']);
    expect(detail.attempts[0].responseBody).toBe('down for maintenance');
    // Delays follow the schedule (100 ms, 200 ms with jitter pinned to 0): attempt gaps at least that.
    const gaps = [1, 2].map((i) => Date.parse(detail.attempts[i].startedAt) - Date.parse(detail.attempts[i - 1].startedAt));
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(200);
    expect(detail.attempts[0].nextAttemptAt).not.toBeNull();
    expect(detail.attempts[2].nextAttemptAt).toBeNull();
    const deadEvents = await waitFor(async () => {
      const list = (await owner.get('/api/v1/events?type=delivery.dead')).body.items;
      return list.find((e: any) => JSON.parse(e.payload).data.deliveryId === dead.id);
    });
    expect(deadEvents.source).toBe('system');

    receiver.respond(() => ({ status: 200, body: 'back' }));
    const retried = await owner.post(`/api/v1/deliveries/${dead.id}/retry`);
    expect(retried.status).toBe(202);
    const done = await waitFor(async () => {
      const d = (await owner.get(`/api/v1/deliveries/${dead.id}`)).body;
      return d.delivery.status === 'succeeded' && d;
    });
    expect(done.attempts).toHaveLength(4);
    expect(done.attempts[3]).toMatchObject({ number: 4, trigger: 'manual', success: true });
    expect(received(eventId)).toHaveLength(4);
  });

  it('retries in bulk every dead delivery of a webhook since a time', async () => {
    const webhook = await createWebhook({ name: 'bulk', retrySchedule: [0] });
    receiver.respond(() => ({ status: 500 }));
    const since = new Date().toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await publish({ type: 'member.created', data: { i } })).body.eventId);
    await waitFor(async () => (await owner.get(`/api/v1/deliveries?webhookId=${webhook.id}&status=dead`)).body.items.length === 3, { timeoutMs: 5000 }).catch(async (e) => {
      console.log(JSON.stringify((await owner.get(`/api/v1/deliveries?webhookId=${webhook.id}`)).body, null, 1));
      throw e;
    });
    receiver.respond(() => ({ status: 204 }));
    // Three dead in a row disabled the endpoint (HUB_DISABLE_AFTER_DEAD=3): fix it, switch it back on, retry.
    await waitFor(async () => (await owner.get(`/api/v1/webhooks/${webhook.id}`)).body.active === false);
    await owner.patch(`/api/v1/webhooks/${webhook.id}`, { active: true });
    const bulk = await owner.post('/api/v1/deliveries/retry', { webhookId: webhook.id, since });
    expect(bulk.body).toEqual({ retried: 3 });
    await waitFor(async () => (await owner.get(`/api/v1/deliveries?webhookId=${webhook.id}&status=succeeded`)).body.items.length === 3);
  });

  it('honours Retry-After and treats 4xx as permanent', async () => {
    const webhook = await createWebhook({ name: 'limited', retrySchedule: ['0', '10ms'] });
    receiver.respond((_, index) => (index === receiver.requests.length - 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    let calls = 0;
    receiver.respond(() => (++calls === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    const { eventId } = (await publish({ type: 'member.created', data: {} })).body;
    const done = await waitFor(async () => {
      const d = await deliveryOf(eventId, webhook.id);
      return d?.status === 'succeeded' && (await owner.get(`/api/v1/deliveries/${d.id}`)).body;
    });
    const [first, second] = done.attempts;
    expect(first.errorClass).toBe('rateLimited');
    expect(Date.parse(second.startedAt) - Date.parse(first.startedAt)).toBeGreaterThanOrEqual(1000);

    receiver.respond(() => ({ status: 400, body: 'bad' }));
    const other = (await publish({ type: 'member.created', data: {} })).body.eventId;
    const dead = await waitFor(async () => {
      const d = await deliveryOf(other, webhook.id);
      return d?.status === 'dead' && d;
    });
    expect(dead.attempts).toBe(1);
  });

  it('disables a webhook after repeated dead deliveries, holds its deliveries, and resumes them', async () => {
    const webhook = await createWebhook({ name: 'broken', retrySchedule: [0] });
    receiver.respond(() => ({ status: 500 }));
    for (let i = 0; i < 3; i++) {
      const { eventId } = (await publish({ type: 'member.created', data: { i } })).body;
      await waitFor(async () => (await deliveryOf(eventId, webhook.id))?.status === 'dead');
    }
    const disabled = await waitFor(async () => {
      const w = (await owner.get(`/api/v1/webhooks/${webhook.id}`)).body;
      return !w.active && w;
    });
    expect(disabled.disabledReason).toBe('3 consecutive dead deliveries');
    await waitFor(async () => (await owner.get('/api/v1/events?type=webhook.disabled')).body.items.some((e: any) => JSON.parse(e.payload).data.webhookId === webhook.id));

    // A delivery created before the webhook was disabled waits while it is off.
    const held = await owner.post('/api/v1/webhooks', { name: 'held', url: receiver.url('/held'), events: ['event.created'] });
    receiver.respond(() => ({ status: 200 }));
    const heldEvent = (await publish({ type: 'event.created', data: {} })).body.eventId;
    await waitFor(async () => (await deliveryOf(heldEvent, held.body.id))?.status === 'succeeded');
    await owner.patch(`/api/v1/webhooks/${held.body.id}`, { active: false });
    const replay = await owner.post(`/api/v1/events/${heldEvent}/replay`, { webhookId: held.body.id });
    expect(replay.status).toBe(202);
    const paused = await waitFor(async () => {
      const d = await deliveryOf(heldEvent, held.body.id);
      return d.status === 'pending' && d.nextAttemptAt === null && d;
    });
    expect(paused.attempts).toBe(1);
    await owner.patch(`/api/v1/webhooks/${held.body.id}`, { active: true });
    const resumed = await waitFor(async () => {
      const d = await deliveryOf(heldEvent, held.body.id);
      return d.status === 'succeeded' && d.attempts === 2 && d;
    });
    const attempts = (await owner.get(`/api/v1/deliveries/${resumed.id}`)).body.attempts;
    // The replayed attempt waited while the webhook was off; re-enabling it sent it.
    expect(attempts.map((a: any) => a.trigger)).toEqual(['auto', 'auto']);
  });

  it('disables the webhook at once when the target is gone (410)', async () => {
    const webhook = await createWebhook({ name: 'gone' });
    receiver.respond(() => ({ status: 410 }));
    const { eventId } = (await publish({ type: 'member.created', data: {} })).body;
    await waitFor(async () => (await deliveryOf(eventId, webhook.id))?.status === 'dead');
    const w = await waitFor(async () => {
      const current = (await owner.get(`/api/v1/webhooks/${webhook.id}`)).body;
      return !current.active && current;
    });
    expect(w.disabledReason).toMatch(/gone/);
  });

  it('sends a real signed test delivery and returns its result', async () => {
    const webhook = await createWebhook({ name: 'tested' });
    const res = await owner.post(`/api/v1/webhooks/${webhook.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, responseCode: 200, error: null });
    const request = receiver.requests.find((r) => r.headers['x-webhook-id'] === res.body.eventId)!;
    expect(request.headers['x-webhook-event']).toBe('webhook.test');
    expect(verifyStripeStyle(String(request.headers['x-webhook-signature']), request.body, webhook.secret)).toBe(true);
    receiver.respond(() => ({ status: 500, body: 'nope' }));
    const failed = await owner.post(`/api/v1/webhooks/${webhook.id}/test`);
    expect(failed.body).toMatchObject({ success: false, responseCode: 500 });
  });

  it('rotates the secret: both sign for the overlap, the new one is shown once', async () => {
    const webhook = await createWebhook({ name: 'rotating' });
    const rotated = await owner.post(`/api/v1/webhooks/${webhook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(webhook.secret);
    expect(rotated.body.signingSecrets).toHaveLength(2);
    expect(rotated.body.signingSecrets[1].expiresAt).not.toBeNull();
    expect((await owner.get(`/api/v1/webhooks/${webhook.id}`)).text).not.toContain(rotated.body.secret);
    const { eventId } = (await publish({ type: 'member.created', data: {} })).body;
    const [request] = await waitFor(() => (received(eventId).length > 0 ? received(eventId) : null));
    const header = String(request!.headers['x-webhook-signature']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifyStripeStyle(header, request!.body, webhook.secret)).toBe(true);
    expect(verifyStripeStyle(header, request!.body, rotated.body.secret)).toBe(true);
    const headers = { 'webhook-id': String(request!.headers['webhook-id']), 'webhook-timestamp': String(request!.headers['webhook-timestamp']), 'webhook-signature': String(request!.headers['webhook-signature']) };
    expect(() => new StandardWebhook(webhook.secret).verify(request!.body, headers)).not.toThrow();
    expect(() => new StandardWebhook(rotated.body.secret).verify(request!.body, headers)).not.toThrow();
  });

  it('filters the delivery and event logs', async () => {
    const webhook = await createWebhook({ name: 'filters', events: ['event.created', 'hackathon.created'] });
    const a = (await publish({ type: 'event.created', data: {} })).body.eventId;
    const b = (await publish({ type: 'hackathon.created', data: {} })).body.eventId;
    await waitFor(async () => (await owner.get(`/api/v1/deliveries?webhookId=${webhook.id}&status=succeeded`)).body.items.length === 2);
    const byType = (await owner.get(`/api/v1/deliveries?webhookId=${webhook.id}&eventType=hackathon.created`)).body.items;
    expect(byType.map((d: any) => d.eventId)).toEqual([b]);
    expect((await owner.get(`/api/v1/deliveries?webhookId=${webhook.id}&status=failed`)).body.items).toEqual([]);
    expect((await owner.get('/api/v1/deliveries?status=exploded')).status).toBe(422);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await owner.get(`/api/v1/deliveries?webhookId=${webhook.id}&since=${future}`)).body.items).toEqual([]);
    const events = (await owner.get('/api/v1/events?type=event.created&source=api')).body.items.map((e: any) => e.id);
    expect(events).toContain(a);
    expect(events).not.toContain(b);
    const page = await owner.get(`/api/v1/deliveries?webhookId=${webhook.id}&limit=1`);
    expect(page.body.items).toHaveLength(1);
    const next = await owner.get(`/api/v1/deliveries?webhookId=${webhook.id}&limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
  });
});
