import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from './helpers/receiver.ts';
import { freePort, OwnRedis } from './helpers/redis-server.ts';
import { startTestHub, type TestHub } from './helpers/test-hub.ts';

describe('/readyz follows Redis', () => {
  let redis: OwnRedis | undefined;
  let t: TestHub | undefined;
  afterAll(async () => {
    await t?.stop();
    await redis?.kill();
  });

  it('answers 503 naming Redis while it is down, 200 again when it is back; /healthz stays 200', async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    t = await startTestHub({ env: { REDIS_URL: redis.url } });
    const ready = async () => {
      const res = await fetch(`${t!.baseUrl}/readyz`);
      return { status: res.status, body: (await res.json()) as { checks: { name: string; ok: boolean }[] } };
    };
    expect((await ready()).status).toBe(200);

    await redis.kill();
    const down = await waitFor(async () => {
      const result = await ready();
      return result.status === 503 && result;
    });
    expect(down.body.checks.find((check) => check.name === 'redis')?.ok).toBe(false);
    expect(down.body.checks.find((check) => check.name.startsWith('store'))?.ok).toBe(true);
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);

    await redis.start();
    await waitFor(async () => (await ready()).status === 200);
  });
});
