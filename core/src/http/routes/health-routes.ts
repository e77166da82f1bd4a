import { Hono } from 'hono';
import type { Hub } from '../../hub.ts';

async function check(name: string, probe: () => Promise<unknown>, timeoutMs = 2000): Promise<{ name: string; ok: boolean; error?: string }> {
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref())]);
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, error: (error as Error).message };
  }
}

/** `/healthz` (the process is up) and `/readyz` (the store and Redis answer). */
export function healthRoutes(hub: Pick<Hub, 'store' | 'redis'>) {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const checks = await Promise.all([check(`store (${hub.store.kind})`, () => hub.store.ping()), check('redis', () => hub.redis.ping())]);
    const ready = checks.every((result) => result.ok);
    return c.json({ status: ready ? 'ready' : 'not ready', checks }, ready ? 200 : 503);
  });
  return app;
}
