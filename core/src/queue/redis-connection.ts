import { Redis } from 'ioredis';
import { StartupError } from '../errors.ts';

/**
 * Connect to Redis or fail fast with a message that says how to start one. The connection is
 * made for BullMQ (`maxRetriesPerRequest: null`) and keeps reconnecting after start.
 */
export async function connectRedis(url: string, options: { timeoutMs?: number } = {}): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectTimeout: options.timeoutMs ?? 3000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  redis.on('error', () => {
    // Reconnection is automatic; readiness (/readyz) reports the outage.
  });
  try {
    await Promise.race([
      redis.connect(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), options.timeoutMs ?? 3000).unref()),
    ]);
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
    throw new StartupError(
      `Cannot reach Redis at ${safeUrl} (${(error as Error).message}).\n` +
        `  Start one locally with:  redis-server --daemonize yes --port 6379   (Debian: apt-get install -y redis-server)\n` +
        `  or point REDIS_URL at a running Redis, e.g. REDIS_URL=redis://127.0.0.1:6379`,
    );
  }
  return redis;
}
