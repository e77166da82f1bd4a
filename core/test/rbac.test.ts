import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestHub, type TestHub } from './helpers/test-hub.ts';

const webhook = (communityId: string) => ({ name: `hook in ${communityId}`, communityId, url: 'https://receiver.example.com/in', events: ['member.created'] });

describe('RBAC: every route checks who is calling', () => {
  let t: TestHub;
  let owner: ApiClient;
  let admin: ApiClient;
  let viewer: ApiClient;
  let otherAdmin: ApiClient;
  let defaultHookId: string;
  let otherHookId: string;

  beforeAll(async () => {
    t = await startTestHub({ resolveHost: async () => ['93.184.216.34'] });
    owner = await ApiClient.login(t.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect((await owner.post('/api/v1/communities', { id: 'other', name: 'Other community' })).status).toBe(201);
    const users = [
      { email: 'admin@example.com', memberships: [{ communityId: 'default', role: 'admin' }] },
      { email: 'viewer@example.com', memberships: [{ communityId: 'default', role: 'viewer' }] },
      { email: 'other@example.com', memberships: [{ communityId: 'other', role: 'admin' }] },
    ];
    for (const user of users) {
      const res = await owner.post('/api/v1/users', { ...user, name: user.email, password: 'password-123' });
      expect(res.status).toBe(201);
      expect(res.body.passwordHash).toBeUndefined();
    }
    admin = await ApiClient.login(t.baseUrl, 'admin@example.com', 'password-123');
    viewer = await ApiClient.login(t.baseUrl, 'viewer@example.com', 'password-123');
    otherAdmin = await ApiClient.login(t.baseUrl, 'other@example.com', 'password-123');
    defaultHookId = (await owner.post('/api/v1/webhooks', webhook('default'))).body.id;
    otherHookId = (await owner.post('/api/v1/webhooks', webhook('other'))).body.id;
  });
  afterAll(async () => {
    await t.stop();
  });

  it('viewer: can read webhooks, cannot create, change, delete or issue keys', async () => {
    expect((await viewer.get('/api/v1/webhooks')).status).toBe(200);
    expect((await viewer.get(`/api/v1/webhooks/${defaultHookId}`)).status).toBe(200);
    const denied = await viewer.post('/api/v1/webhooks', webhook('default'));
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    expect((await viewer.patch(`/api/v1/webhooks/${defaultHookId}`, { active: false })).status).toBe(403);
    expect((await viewer.delete(`/api/v1/webhooks/${defaultHookId}`)).status).toBe(403);
    expect((await viewer.post('/api/v1/api-keys', { name: 'k', communityId: 'default', scopes: ['webhooks:read'] })).status).toBe(403);
    expect((await viewer.post('/api/v1/deliveries/retry', {})).status).toBe(403);
    expect((await viewer.get('/api/v1/audit')).status).toBe(403);
    expect((await viewer.post('/api/v1/events', { type: 'member.created', data: {} })).status).toBe(403);
    expect((await owner.get(`/api/v1/webhooks/${defaultHookId}`)).body.active).toBe(true);
  });

  it('admin: manages their community only and never sees another one', async () => {
    expect((await admin.post('/api/v1/webhooks', webhook('default'))).status).toBe(201);
    expect((await admin.post('/api/v1/webhooks', webhook('other'))).status).toBe(403);
    expect((await admin.get(`/api/v1/webhooks/${otherHookId}`)).status).toBe(404);
    expect((await admin.patch(`/api/v1/webhooks/${otherHookId}`, { active: false })).status).toBe(404);
    expect((await admin.delete(`/api/v1/webhooks/${otherHookId}`)).status).toBe(404);
    const list = await admin.get('/api/v1/webhooks');
    expect(list.body.items.every((w: any) => w.communityId === 'default')).toBe(true);
    const filtered = await admin.get('/api/v1/webhooks?communityId=other');
    expect(filtered.body.items).toEqual([]);
    expect((await admin.get('/api/v1/users')).status).toBe(403);
    expect((await admin.post('/api/v1/communities', { id: 'mine', name: 'Mine' })).status).toBe(403);
    const communities = await admin.get('/api/v1/communities');
    expect(communities.body.items.map((c: any) => c.id)).toEqual(['default']);
    const audit = await admin.get('/api/v1/audit');
    expect(audit.body.items.every((a: any) => a.communityId === 'default')).toBe(true);
    expect((await otherAdmin.get(`/api/v1/webhooks/${defaultHookId}`)).status).toBe(404);
  });

  it('owner: manages users and communities', async () => {
    expect((await owner.get('/api/v1/users')).body.items.length).toBe(4);
    expect((await owner.get(`/api/v1/webhooks/${otherHookId}`)).status).toBe(200);
    expect((await owner.delete('/api/v1/communities/other')).status).toBe(409);
  });

  it('owner: cannot lock themselves out', async () => {
    const me = (await owner.get('/api/v1/auth/me')).body.user;
    expect((await owner.delete(`/api/v1/users/${me.id}`)).status).toBe(422);
    const demote = await owner.patch(`/api/v1/users/${me.id}`, { memberships: [{ communityId: 'default', role: 'admin' }] });
    expect(demote.status).toBe(422);
    expect((await owner.get('/api/v1/users')).status).toBe(200);
  });

  it('API keys: shown once, stored hashed, limited to their scopes and community', async () => {
    const created = await admin.post('/api/v1/api-keys', { name: 'reader', communityId: 'default', scopes: ['webhooks:read'] });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^hub_/);
    expect(created.body.keyHash).toBeUndefined();
    const listed = await admin.get('/api/v1/api-keys');
    expect(listed.text).not.toContain(key);
    expect(listed.body.items.find((k: any) => k.id === created.body.id).prefix).toBe(key.slice(0, created.body.prefix.length));

    const reader = new ApiClient(t.baseUrl, key);
    expect((await reader.get('/api/v1/webhooks')).status).toBe(200);
    expect((await reader.get('/api/v1/webhooks')).body.items.every((w: any) => w.communityId === 'default')).toBe(true);
    expect((await reader.post('/api/v1/webhooks', webhook('default'))).status).toBe(403);
    expect((await reader.get(`/api/v1/webhooks/${otherHookId}`)).status).toBe(404);
    expect((await reader.get('/api/v1/api-keys')).status).toBe(403);

    const writerKey = (await admin.post('/api/v1/api-keys', { name: 'writer', communityId: 'default', scopes: ['webhooks:write'] })).body.key;
    const writer = new ApiClient(t.baseUrl, writerKey);
    expect((await writer.post('/api/v1/webhooks', webhook('default'))).status).toBe(201);
    expect((await writer.post('/api/v1/webhooks', webhook('other'))).status).toBe(403);

    const publisherKey = (await admin.post('/api/v1/api-keys', { name: 'publisher', communityId: 'default', scopes: ['events:publish'] })).body.key;
    expect((await new ApiClient(t.baseUrl, publisherKey).get('/api/v1/webhooks')).status).toBe(403);

    expect((await admin.delete(`/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    const revoked = await reader.get('/api/v1/webhooks');
    expect(revoked.status).toBe(401);
    expect((await new ApiClient(t.baseUrl, 'hub_not-a-real-key').get('/api/v1/webhooks')).status).toBe(401);
  });

  it('refuses a cookie request that changes something without the CSRF token', async () => {
    const res = await admin.request('POST', '/api/v1/webhooks', webhook('default'), { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/CSRF/);
  });

  it('throttles password guessing per email', async () => {
    const guesser = new ApiClient(t.baseUrl);
    for (let i = 0; i < 10; i++) expect((await guesser.post('/api/v1/auth/login', { email: 'viewer@example.com', password: `guess-${i}` })).status).toBe(401);
    const blocked = await guesser.post('/api/v1/auth/login', { email: 'viewer@example.com', password: 'password-123' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await guesser.post('/api/v1/auth/login', { email: 'admin@example.com', password: 'password-123' })).status).toBe(200);
    await t.hub.loginThrottle.reset('viewer@example.com');
  });

  it('ends the session on logout', async () => {
    const client = await ApiClient.login(t.baseUrl, 'viewer@example.com', 'password-123');
    expect((await client.get('/api/v1/auth/me')).body.user.email).toBe('viewer@example.com');
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });
});
