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

    /** A worker process, resolved once it says it is running (it fails fast without Redis). */
    const startWorker = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'core/src/worker-main.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...env, HUB_DATA_DIR: t!.dataDir, HUB_SECRET_KEY: t!.config.secretKey, HUB_LOG_LEVEL: process.env.NOLOSS_LOG_LEVEL ?? 'error', HUB_ADMIN_PASSWORD: ADMIN_PASSWORD, HUB_ADMIN_EMAIL: ADMIN_EMAIL },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.add(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          if (process.env.NOLOSS_LOG_LEVEL) process.stdout.write(chunk);
          if (chunk.toString().includes('worker running')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
      });
      return child;
    };
    const succeeded = async () => (await t!.hub.store.deliveries.countByStatus({})).succeeded;
    const accepted: string[] = [];
    const publishBatch = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const res = await app.post('/api/v1/events', { type: 'member.created', data: { i: accepted.length } });
        expect(res.status).toBe(202);
        accepted.push(res.body.eventId);
      }
    };

    const [first] = await Promise.all([startWorker(), startWorker()]);
    await publishBatch(60);
    // Kill a worker in the middle of the load: some of its jobs are active right now.
    await waitFor(async () => (await succeeded()) >= 20);
    first!.kill('SIGKILL');
    await startWorker();
    await publishBatch(40);
    // Redis dies (losing every queued job) while deliveries are in flight, and comes back empty.
    await waitFor(async () => (await succeeded()) >= 100);
    await redis.kill();
    await publishBatch(5);
    await redis.start();
    await publishBatch(EVENTS - accepted.length);

    const progress = setInterval(() => {
      void t!.hub.store.deliveries.countByStatus({}).then(async (counts) => {
        const unprocessed = await t!.hub.store.events.listUnprocessed(new Date().toISOString(), 200);
        console.log(`progress: ${JSON.stringify(counts)} unprocessed=${unprocessed.length} received=${receiver!.requests.length}`);
      });
    }, 5000);
    console.log(`published ${accepted.length} events`);
    const ledger = await waitFor(
      async () => {
        const succeeded = await t!.hub.store.deliveries.countByStatus({});
        return succeeded.succeeded === EVENTS * 2 && succeeded;
      },
      { timeoutMs: 120_000, what: 'every delivery to succeed' },
    ).finally(() => clearInterval(progress));
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
