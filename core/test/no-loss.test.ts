import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.ts';
import { Receiver, waitFor } from './helpers/receiver.ts';
import { freePort, OwnRedis } from './helpers/redis-server.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestHub, uniquePrefix, type TestHub } from './helpers/test-hub.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EVENTS = 150;

/**
 * The ledger test of DESIGN §3: with worker processes killed and Redis itself restarted (empty)
 * in the middle of the load, every accepted event still reaches every matching webhook, and the
 * store records each (event, webhook) exactly once as succeeded.
 */
describe('no loss under worker and Redis crashes', () => {
  const children = new Set<ChildProcess>();
  let redis: OwnRedis | undefined;
  let t: TestHub | undefined;
  let receiver: Receiver | undefined;

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await receiver?.stop();
    await t?.stop().catch(() => {});
    await redis?.kill();
  });

  it('delivers every accepted event exactly once as succeeded', { timeout: 180_000 }, async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    const env = {
      REDIS_URL: redis.url,
      HUB_QUEUE_PREFIX: uniquePrefix('noloss'),
      HUB_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
      HUB_RETRY_SCHEDULE: '0,100ms,250ms,500ms,1s,2s,4s',
      HUB_RECONCILE_INTERVAL: '1s',
      HUB_RATE_LIMIT_PER_SECOND: '1000',
      HUB_WORKER_CONCURRENCY: '8',
    };
    // The API runs here, without workers; the workers are separate processes, as with `npm run worker`.
    t = await startTestHub({ env });
    receiver = await Receiver.start();
    const owner = await ApiClient.login(t.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const a = (await owner.post('/api/v1/webhooks', { name: 'A', url: receiver.url('/a'), events: ['member.*'] })).body.id;
    const b = (await owner.post('/api/v1/webhooks', { name: 'B', url: receiver.url('/b'), events: ['*'] })).body.id;
    const key = (await owner.post('/api/v1/api-keys', { name: 'load', communityId: 'default', scopes: ['events:publish'] })).body.key;
    const app = owner.withBearer(key);

    const startWorker = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'core/src/worker-main.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...env, HUB_DATA_DIR: t!.dataDir, HUB_SECRET_KEY: t!.config.secretKey, HUB_LOG_LEVEL: 'error', HUB_ADMIN_PASSWORD: ADMIN_PASSWORD, HUB_ADMIN_EMAIL: ADMIN_EMAIL },
        stdio: 'ignore',
      });
      children.add(child);
      return child;
    };
    const first = startWorker();
    startWorker();

    const accepted: string[] = [];
    for (let i = 0; i < EVENTS; i++) {
      if (i === 40) first.kill('SIGKILL');
      if (i === 50) startWorker();
      if (i === 80) await redis.kill();
      if (i === 95) await redis.start();
      const res = await app.post('/api/v1/events', { type: 'member.created', data: { i } });
      expect(res.status).toBe(202);
      accepted.push(res.body.eventId);
    }

    const ledger = await waitFor(
      async () => {
        const succeeded = await t!.hub.store.deliveries.countByStatus({});
        return succeeded.succeeded === EVENTS * 2 && succeeded;
      },
      { timeoutMs: 150_000, what: 'every delivery to succeed' },
    );
    expect(ledger).toMatchObject({ succeeded: EVENTS * 2, dead: 0, pending: 0, retrying: 0 });
    for (const eventId of accepted) {
      const rows = (await t.hub.store.deliveries.list({ eventId }, { limit: 10 })).items;
      expect(rows.map((row) => row.webhookId).sort()).toEqual([a, b].sort());
      expect(rows.every((row) => row.status === 'succeeded')).toBe(true);
      const seen = receiver.requests.filter((r) => r.headers['x-webhook-id'] === eventId);
      expect(new Set(seen.map((r) => r.path))).toEqual(new Set(['/a', '/b']));
    }
    const duplicates = receiver.requests.length - EVENTS * 2;
    // At-least-once on the wire (a worker killed mid-request may resend); receivers dedupe on webhook-id.
    console.log(`no-loss: ${EVENTS} events x 2 webhooks, ${receiver.requests.length} requests received, ${duplicates} resent after crashes`);
  });
});
