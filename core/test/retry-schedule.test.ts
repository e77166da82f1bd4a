import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../src/clock.ts';
import { deliveryJobId } from '../src/queue/hub-queues.ts';
import { ApiClient } from './helpers/api-client.ts';
import { Receiver, waitFor } from './helpers/receiver.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestHub, type TestHub } from './helpers/test-hub.ts';

/**
 * The default schedule (immediately, +1 min, +5 min, +15 min, then dead) with an injected clock:
 * each failed attempt schedules a BullMQ job delayed by exactly the next step (jitter pinned to
 * its middle), and the test moves the clock and promotes the job instead of waiting 21 minutes.
 */
describe('default retry schedule', () => {
  const clock = manualClock(new Date('2026-12-01T12:00:00.000Z'));
  let t: TestHub;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await Receiver.start(() => ({ status: 503, body: 'unavailable' }));
    t = await startTestHub({ workers: true, clock, random: () => 0.5, env: { HUB_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8' } });
  });
  afterAll(async () => {
    await t.stop();
    await receiver.stop();
  });

  it('retries after 1, 5 and 15 minutes, then dead-letters', async () => {
    expect(t.config.retrySchedule).toEqual([0, 60_000, 300_000, 900_000]);
    const owner = await ApiClient.login(t.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    await owner.post('/api/v1/webhooks', { name: 'down', url: receiver.url(), events: ['member.created'] });
    const key = (await owner.post('/api/v1/api-keys', { name: 'k', communityId: 'default', scopes: ['events:publish'] })).body.key;
    const { eventId } = (await owner.withBearer(key).post('/api/v1/events', { type: 'member.created', data: {} })).body;
    const start = clock.now().getTime();

    const expectedDelays = [60_000, 300_000, 900_000];
    let elapsed = 0;
    for (const [index, delay] of expectedDelays.entries()) {
      const delivery = await waitFor(async () => {
        const [d] = (await t.hub.store.deliveries.list({ eventId }, { limit: 1 })).items;
        return d?.attempts === index + 1 && d.status === 'retrying' && d;
      });
      expect(delivery.nextAttemptAt).toBe(new Date(start + elapsed + delay).toISOString());
      const job = await waitFor(() => t.hub.queues.deliveries.getJob(deliveryJobId(delivery.id, delivery.attempts)));
      expect(job.opts.delay).toBe(delay);
      expect(await job.getState()).toBe('delayed');
      elapsed += delay;
      clock.advance(delay);
      await job.promote();
    }

    const dead = await waitFor(async () => {
      const [d] = (await t.hub.store.deliveries.list({ eventId }, { limit: 1 })).items;
      return d?.status === 'dead' && d;
    });
    expect(dead.attempts).toBe(4);
    const attempts = await t.hub.store.deliveries.listAttempts(dead.id);
    expect(attempts.map((a) => Date.parse(a.startedAt) - start)).toEqual([0, 60_000, 360_000, 1_260_000]);
    expect(attempts.at(-1)?.nextAttemptAt).toBeNull();
    expect(receiver.requests).toHaveLength(4);
  });
});
