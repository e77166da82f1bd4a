import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * A short Redis lock per delivery, so two jobs for the same delivery (an automatic retry and a
 * manual one, say) never send at the same time, on any machine.
 */
export class DeliveryLock {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  /** The release function when the lock was taken, else null. */
  async acquire(deliveryId: string): Promise<(() => Promise<void>) | null> {
    const key = `${this.prefix}:lock:delivery:${deliveryId}`;
    const token = randomUUID();
    const taken = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    if (taken !== 'OK') return null;
    return async () => {
      await this.redis.eval(RELEASE, 1, key, token);
    };
  }
}
