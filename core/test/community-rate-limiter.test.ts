import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunityRateLimiter } from '../src/delivery/community-rate-limiter.ts';
import { uniquePrefix } from './helpers/test-hub.ts';

describe('community rate limiter (real Redis)', () => {
  const redis = new Redis('redis://127.0.0.1:6379');
  afterAll(() => redis.disconnect());

  it('hands out slots 1000/N ms apart, per community', async () => {
    const limiter = createCommunityRateLimiter(redis, { prefix: uniquePrefix('limiter'), perSecond: 10 });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) waits.push(await limiter.reserve('c1'));
    // Redis' clock moves a little between calls, so each wait is its slot minus the time passed.
    waits.forEach((wait, k) => {
      expect(wait).toBeLessThanOrEqual(k * 100);
      expect(wait).toBeGreaterThan(k * 100 - 50);
    });
    expect(await limiter.reserve('c2')).toBe(0);
  });

  it('shares one budget between limiter instances (workers)', async () => {
    const prefix = uniquePrefix('limiter-shared');
    const other = new Redis('redis://127.0.0.1:6379');
    try {
      const first = createCommunityRateLimiter(redis, { prefix, perSecond: 4 });
      const second = createCommunityRateLimiter(other, { prefix, perSecond: 4 });
      const waits = [await first.reserve('c'), await second.reserve('c'), await first.reserve('c'), await second.reserve('c')];
      expect(waits[0]).toBe(0);
      waits.slice(1).forEach((wait, k) => expect(wait).toBeGreaterThan((k + 1) * 250 - 50));
    } finally {
      other.disconnect();
    }
  });
});
