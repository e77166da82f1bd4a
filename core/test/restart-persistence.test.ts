import { describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestHub } from './helpers/test-hub.ts';

describe('data survives a restart', () => {
  it('keeps webhooks, users and keys, and never shows the secret again', async () => {
    const first = await startTestHub({ resolveHost: async () => ['93.184.216.34'] });
    const owner = await ApiClient.login(first.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await owner.post('/api/v1/webhooks', { name: 'Survivor', url: 'https://receiver.example.com/in', events: ['event.created'] });
    expect(created.status).toBe(201);
    const key = (await owner.post('/api/v1/api-keys', { name: 'ci', communityId: 'default', scopes: ['webhooks:read'] })).body.key;
    await owner.patch(`/api/v1/webhooks/${created.body.id}`, { active: false });
    await first.stop();

    const second = await startTestHub({ dataDir: first.dataDir, resolveHost: async () => ['93.184.216.34'] });
    try {
      const again = await ApiClient.login(second.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      const read = await again.get(`/api/v1/webhooks/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ name: 'Survivor', active: false, events: ['event.created'] });
      expect(read.text).not.toContain(created.body.secret);
      expect((await new ApiClient(second.baseUrl, key).get('/api/v1/webhooks')).status).toBe(200);
      expect((await again.get('/api/v1/users')).body.items).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
