import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.ts';
import { Receiver, waitFor } from './helpers/receiver.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestHub, uniquePrefix, type TestHub } from './helpers/test-hub.ts';

const PER_SECOND = 5;
const EVENTS = 20;

/**
 * The per-community limit holds across every worker: two hubs' workers share one queue and one
 * Redis, and together still send no more than PER_SECOND deliveries in any one-second window.
 * Waiting is not an attempt.
 */
describe('community delivery rate limit', () => {
  let a: TestHub;
  let b: TestHub;
  let receiver: Receiver;

  beforeAll(async () => {
    const env = { HUB_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8', HUB_RATE_LIMIT_PER_SECOND: String(PER_SECOND), HUB_QUEUE_PREFIX: uniquePrefix('ratelimit') };
    a = await startTestHub({ workers: true, env });
    b = await startTestHub({ workers: true, env, dataDir: a.dataDir });
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await b.stop();
    await a.stop();
  });

  it(`sends at most ${PER_SECOND} deliveries per second per community, across workers`, async () => {
    const owner = await ApiClient.login(a.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    await owner.post('/api/v1/webhooks', { name: 'limited', url: receiver.url(), events: ['member.created'] });
    const key = (await owner.post('/api/v1/api-keys', { name: 'load', communityId: 'default', scopes: ['events:publish'] })).body.key;
    const app = owner.withBearer(key);
    await Promise.all(Array.from({ length: EVENTS }, (_, i) => app.post('/api/v1/events', { type: 'member.created', data: { i } })));

    await waitFor(async () => (await a.hub.store.deliveries.countByStatus({})).succeeded === EVENTS, { timeoutMs: 30_000 });
    const deliveries = (await a.hub.store.deliveries.list({}, { limit: 200 })).items;
    expect(deliveries.every((delivery) => delivery.attempts === 1)).toBe(true);

    const starts: number[] = [];
    for (const delivery of deliveries) {
      for (const attempt of await a.hub.store.deliveries.listAttempts(delivery.id)) starts.push(Date.parse(attempt.startedAt));
    }
    starts.sort((x, y) => x - y);
    // Slots are 1000/PER_SECOND ms apart and no job runs before its slot; a job may start up to
    // SCHEDULING_ALLOWANCE_MS after it (queue polling, the store). So any one-second window holds
    // at most PER_SECOND + 1 starts, and the whole run spans at least the slots it needed.
    const SCHEDULING_ALLOWANCE_MS = 200;
    for (let i = 0; i < starts.length; i++) {
      const inWindow = starts.filter((start) => start >= starts[i]! && start < starts[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(PER_SECOND + 1);
    }
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(((EVENTS - 1) * 1000) / PER_SECOND - SCHEDULING_ALLOWANCE_MS);
  });
});
