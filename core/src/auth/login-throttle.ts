import type { Redis } from 'ioredis';
import { RateLimitedError } from '../errors.ts';

/**
 * Slows password guessing: after `maxFailures` wrong passwords for one email within the window,
 * login for that email answers 429 until the window ends. Counted in Redis, so it holds across
 * every API process.
 */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: { maxFailures: number; windowSeconds: number } = { maxFailures: 10, windowSeconds: 900 },
  ) {}

  private key(email: string): string {
    return `${this.prefix}:login-failures:${email.trim().toLowerCase()}`;
  }

  async check(email: string): Promise<void> {
    const key = this.key(email);
    const failures = Number((await this.redis.get(key)) ?? 0);
    if (failures >= this.options.maxFailures) {
      const ttl = await this.redis.ttl(key);
      throw new RateLimitedError(ttl > 0 ? ttl : this.options.windowSeconds);
    }
  }

  async recordFailure(email: string): Promise<void> {
    const key = this.key(email);
    const failures = await this.redis.incr(key);
    if (failures === 1) await this.redis.expire(key, this.options.windowSeconds);
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }
}
