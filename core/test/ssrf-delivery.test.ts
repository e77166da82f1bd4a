import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.ts';
import { Receiver, waitFor } from './helpers/receiver.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestHub, type TestHub } from './helpers/test-hub.ts';

/** The connect-time guard, seen from the hub: the on-save check is not the only defence. */
describe('SSRF at delivery time', () => {
  let t: TestHub;
  let owner: ApiClient;
  let publisher: ApiClient;
  let victim: Receiver;
  let rebinding = false;

  beforeAll(async () => {
    victim = await Receiver.start();
    t = await startTestHub({
      workers: true,
      // DNS rebinding: the name is public when the webhook is saved, loopback when it is used.
      resolveHost: async (host) => (host === 'rebind.example.test' ? [rebinding ? '127.0.0.1' : '93.184.216.34'] : ['93.184.216.34']),
      env: { HUB_RETRY_SCHEDULE: '0' },
    });
    owner = await ApiClient.login(t.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    publisher = owner.withBearer((await owner.post('/api/v1/api-keys', { name: 'p', communityId: 'default', scopes: ['events:publish'] })).body.key);
  });
  afterAll(async () => {
    await t.stop();
    await victim.stop();
  });

  it('refuses a name that resolves to loopback at connect time, and nothing reaches the listener', async () => {
    const webhook = await owner.post('/api/v1/webhooks', { name: 'rebind', url: `https://rebind.example.test:${victim.port}/hook`, events: ['member.created'] });
    expect(webhook.status).toBe(201);
    rebinding = true;
    const { eventId } = (await publisher.post('/api/v1/events', { type: 'member.created', data: {} })).body;
    const delivery = await waitFor(async () => {
      const [d] = (await owner.get(`/api/v1/deliveries?eventId=${eventId}`)).body.items;
      return d?.status === 'dead' && d;
    });
    expect(delivery.lastError).toMatch(/blocked_address.*127\.0\.0\.1.*loopback/i);
    expect(victim.connections).toBe(0);
  });
});

describe('redirects are never followed', () => {
  let t: TestHub;
  let redirector: Receiver;
  let target: Receiver;

  beforeAll(async () => {
    target = await Receiver.start();
    redirector = await Receiver.start(() => ({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }));
    t = await startTestHub({ workers: true, env: { HUB_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8', HUB_RETRY_SCHEDULE: '0' } });
  });
  afterAll(async () => {
    await t.stop();
    await redirector.stop();
    await target.stop();
  });

  it('records a 302 to the metadata address as a failed attempt and sends nothing there', async () => {
    const owner = await ApiClient.login(t.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const webhook = (await owner.post('/api/v1/webhooks', { name: 'redirecting', url: redirector.url(), events: ['member.created'] })).body;
    const test = await owner.post(`/api/v1/webhooks/${webhook.id}/test`);
    expect(test.body).toMatchObject({ success: false, responseCode: 302 });
    expect(test.body.error).toMatch(/redirect not followed/);
    expect(redirector.requests).toHaveLength(1);

    // Same with a redirect to another listener the hub could reach: still one request in all.
    redirector.respond(() => ({ status: 307, headers: { location: target.url('/elsewhere') } }));
    const again = await owner.post(`/api/v1/webhooks/${webhook.id}/test`);
    expect(again.body.responseCode).toBe(307);
    expect(target.requests).toHaveLength(0);
    expect(target.connections).toBe(0);
  });
});
