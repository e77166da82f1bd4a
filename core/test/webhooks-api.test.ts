import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { ApiClient } from './helpers/api-client.ts';

/** POST with node:http, reading the answer even when the server stops reading the body early. */
function postRaw(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error) => (error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error));
    req.end(body);
  });
}
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestHub, type TestHub } from './helpers/test-hub.ts';

const DISCORD_URL = 'https://discord.com/api/webhooks/123456789012345678/abcDEF_token-value-0123456789-abcdefghijklmnop';

describe('webhook setup API', () => {
  let t: TestHub;
  let owner: ApiClient;

  beforeAll(async () => {
    t = await startTestHub({
      resolveHost: async (host) => (host === 'internal.example.test' ? ['127.0.0.1'] : host === 'meta.example.test' ? ['169.254.169.254'] : ['93.184.216.34']),
    });
    owner = await ApiClient.login(t.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await t.stop();
  });

  const create = (body: Record<string, unknown>) => owner.post('/api/v1/webhooks', { name: 'CRM', url: 'https://crm.example.com/hooks', events: ['member.created'], ...body });
  const count = async () => (await owner.get('/api/v1/webhooks?limit=200')).body.items.length as number;

  it('refuses callers who are not signed in, with a JSON error', async () => {
    const res = await new ApiClient(t.baseUrl).get('/api/v1/webhooks');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('refuses a wrong password without saying whether the email exists', async () => {
    const res = await new ApiClient(t.baseUrl).post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: 'wrong password' });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('email or password is wrong');
  });

  it('creates a webhook, shows its secret once, and never again', async () => {
    const res = await create({ events: ['member.created', 'member.*'] });
    expect(res.status).toBe(201);
    const secret: string = res.body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(res.body).toMatchObject({ name: 'CRM', connector: 'generic-http', communityId: 'default', active: true, events: ['member.created', 'member.*'] });
    expect(res.body.signingSecrets[0].fingerprint).toMatch(/^sha256:/);

    const single = await owner.get(`/api/v1/webhooks/${res.body.id}`);
    const list = await owner.get('/api/v1/webhooks');
    const audit = await owner.get('/api/v1/audit');
    for (const later of [single, list, audit]) {
      expect(later.status).toBe(200);
      expect(later.text).not.toContain(secret);
      expect(later.text).not.toContain(secret.slice(6, 30));
    }
    expect(single.body.secret).toBeUndefined();
    expect(list.body.items.some((w: any) => w.id === res.body.id)).toBe(true);
    expect(audit.body.items.some((a: any) => a.action === 'webhook.created' && a.targetId === res.body.id)).toBe(true);
  });

  it('accepts a supplied whsec_ secret and refuses a malformed one without echoing it', async () => {
    const good = await create({ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
    expect(good.status).toBe(201);
    expect(good.body.secret).toBe('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    const bad = await create({ secret: 'hunter2-not-a-secret' });
    expect(bad.status).toBe(422);
    expect(bad.text).not.toContain('hunter2');
  });

  it('checks event types against the catalog', async () => {
    const before = await count();
    const unknown = await create({ events: ['member.created', 'member.deleted'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('member.deleted');
    expect((await create({ events: ['nope.*'] })).status).toBe(422);
    expect((await create({ events: [] })).status).toBe(422);
    expect((await create({ events: ['*'] })).status).toBe(201);
    expect((await create({ events: ['github.*'] })).status).toBe(201);
    expect(await count()).toBe(before + 2);
  });

  const blocked: [string, RegExp][] = [
    ['http://crm.example.com/hooks', /https/i],
    ['https://127.0.0.1/hook', /loopback/i],
    ['https://localhost/hook', /localhost|loopback/i],
    ['https://2130706433/hook', /loopback/i],
    ['https://0177.0.0.1/hook', /loopback/i],
    ['https://0x7f000001/hook', /loopback/i],
    ['https://127.1/hook', /loopback/i],
    ['https://[::1]/hook', /loopback/i],
    ['https://[::ffff:127.0.0.1]/hook', /loopback/i],
    ['https://[::ffff:7f00:1]/hook', /loopback/i],
    ['https://10.1.2.3/hook', /private/i],
    ['https://172.16.0.1/hook', /private/i],
    ['https://192.168.1.1/hook', /private/i],
    ['https://169.254.169.254/latest/meta-data', /link-local/i],
    ['https://100.64.0.1/hook', /carrier|cgnat|shared/i],
    ['https://[fd00::1]/hook', /unique|private/i],
    ['https://0.0.0.0/hook', /.+/],
    ['https://internal.example.test/hook', /127\.0\.0\.1/],
    ['https://meta.example.test/hook', /169\.254\.169\.254/],
    ['https://user:pass@crm.example.com/hook', /credential/i],
    ['not a url', /url/i],
  ];

  it.each(blocked)('refuses the target %s with a 422 naming the reason', async (url, reason) => {
    const res = await create({ url });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(reason);
    expect(res.body.error.details[0].path).toBe('url');
  });

  it('checks the URL again on every PATCH and leaves the webhook unchanged when refused', async () => {
    const created = await create({});
    const res = await owner.patch(`/api/v1/webhooks/${created.body.id}`, { url: 'https://2130706433/' });
    expect(res.status).toBe(422);
    expect((await owner.get(`/api/v1/webhooks/${created.body.id}`)).body.url).toBe('https://crm.example.com/hooks');
    const ok = await owner.patch(`/api/v1/webhooks/${created.body.id}`, { url: 'https://crm2.example.com/hooks' });
    expect(ok.status).toBe(200);
    expect(ok.body.url).toBe('https://crm2.example.com/hooks');
  });

  it('validates plugin settings and keeps plugin secrets write-only', async () => {
    const missing = await owner.post('/api/v1/webhooks', { name: 'Discord', connector: 'discord', events: ['member.created'] });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.some((d: any) => d.path.startsWith('secrets.'))).toBe(true);
    const badUrl = await owner.post('/api/v1/webhooks', { name: 'Discord', connector: 'discord', events: ['member.created'], secrets: { webhookUrl: 'https://evil.example.com/very-secret-token' } });
    expect(badUrl.status).toBe(422);
    expect(badUrl.text).not.toContain('very-secret-token');
    const withUrl = await owner.post('/api/v1/webhooks', { name: 'Discord', connector: 'discord', url: 'https://crm.example.com', events: ['member.created'], secrets: { webhookUrl: DISCORD_URL } });
    expect(withUrl.status).toBe(422);

    const res = await owner.post('/api/v1/webhooks', { name: 'Discord', connector: 'discord', events: ['member.created'], secrets: { webhookUrl: DISCORD_URL }, settings: { username: 'Hub' } });
    expect(res.status).toBe(201);
    expect(res.body.pluginSecrets.webhookUrl).toEqual({ set: true });
    expect(res.text).not.toContain('abcDEF_token-value');
    const read = await owner.get(`/api/v1/webhooks/${res.body.id}`);
    expect(read.text).not.toContain('abcDEF_token-value');
    const stored = await t.hub.store.webhooks.get(res.body.id);
    expect(JSON.stringify(stored)).not.toContain('abcDEF_token-value');

    const badTemplate = await owner.patch(`/api/v1/webhooks/${res.body.id}`, { settings: { templates: { 'member.created': 'Hi {{#if}}' } } });
    expect(badTemplate.status).toBe(422);
    const goodTemplate = await owner.patch(`/api/v1/webhooks/${res.body.id}`, { settings: { templates: { 'member.created': '🎉 {{data.name}} joined' } } });
    expect(goodTemplate.status).toBe(200);
    expect(goodTemplate.body.pluginSecrets.webhookUrl).toEqual({ set: true });
  });

  it('keeps the generic-http Authorization secret write-only', async () => {
    const res = await create({ secrets: { authorization: 'Bearer very-secret-receiver-token' } });
    expect(res.status).toBe(201);
    expect(res.body.pluginSecrets).toEqual({ authorization: { set: true } });
    expect(res.text).not.toContain('very-secret-receiver-token');
    const cleared = await owner.patch(`/api/v1/webhooks/${res.body.id}`, { secrets: { authorization: null } });
    expect(cleared.body.pluginSecrets).toEqual({ authorization: { set: false } });
  });

  it('answers bad input with 4xx JSON and writes nothing', async () => {
    const before = await count();
    const malformed = await owner.request('POST', '/api/v1/webhooks', undefined, { raw: '{"name": "x", ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');
    const wrongType = await create({ name: 42 });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.details[0].path).toBe('name');
    const unknownField = await create({ colour: 'blue' });
    expect(unknownField.status).toBe(422);
    const huge = await postRaw(`${t.baseUrl}/api/v1/webhooks`, JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), url: 'https://a.example.com', events: ['*'] }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.code).toBe('payload_too_large');
    const notJson = await owner.request('POST', '/api/v1/webhooks', undefined, { raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notJson.status).toBe(415);
    const unknownConnector = await create({ connector: 'carrier-pigeon' });
    expect(unknownConnector.status).toBe(422);
    const badSchedule = await create({ retrySchedule: ['soon'] });
    expect(badSchedule.status).toBe(422);
    expect(await count()).toBe(before);
  });

  it('disables, re-enables, filters, paginates and deletes', async () => {
    const created = await create({ name: 'Toggle me' });
    const off = await owner.patch(`/api/v1/webhooks/${created.body.id}`, { active: false });
    expect(off.body).toMatchObject({ active: false, disabledReason: 'disabled by a user' });
    const inactive = await owner.get('/api/v1/webhooks?active=false');
    expect(inactive.body.items.map((w: any) => w.id)).toContain(created.body.id);
    expect(inactive.body.items.every((w: any) => w.active === false)).toBe(true);
    const discordOnly = await owner.get('/api/v1/webhooks?connector=discord');
    expect(discordOnly.body.items.every((w: any) => w.connector === 'discord')).toBe(true);
    const on = await owner.patch(`/api/v1/webhooks/${created.body.id}`, { active: true });
    expect(on.body).toMatchObject({ active: true, disabledReason: null });

    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: any = await owner.get(`/api/v1/webhooks?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) seen.add(item.id);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(await count());
    expect((await owner.get('/api/v1/webhooks?cursor=garbage')).status).toBe(400);

    expect((await owner.delete(`/api/v1/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await owner.get(`/api/v1/webhooks/${created.body.id}`)).status).toBe(404);
    const audit = await owner.get(`/api/v1/audit?targetId=${created.body.id}`);
    expect(audit.body.items.map((a: any) => a.action)).toEqual(expect.arrayContaining(['webhook.created', 'webhook.disabled', 'webhook.enabled', 'webhook.deleted']));
  });

  it('serves the plugin catalog with JSON Schema forms and secret field names', async () => {
    const res = await owner.get('/api/v1/plugins');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((p: any) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['generic-http', 'discord', 'github', 'slack-example']));
    const discord = res.body.items.find((p: any) => p.id === 'discord');
    expect(discord).toMatchObject({ kind: 'sink', requiresUrl: false, secretFields: ['webhookUrl'] });
    expect(discord.settingsSchema.type).toBe('object');
    expect(discord.templates.length).toBeGreaterThan(0);
    const github = res.body.items.find((p: any) => p.id === 'github');
    expect(github.kind).toBe('source');
    expect(github.eventTypes.map((e: any) => e.type)).toContain('github.push');
    const types = await owner.get('/api/v1/event-types');
    expect(types.body.items.map((e: any) => e.type)).toEqual(expect.arrayContaining(['member.created', 'community.approved', 'webhook.test', 'github.pr.opened']));
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as any).checks.every((c: any) => c.ok)).toBe(true);
  });
});
