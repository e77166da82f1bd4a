import type { Redis } from 'ioredis';

/**
 * A per-community pacing reservation in one Lua script (GCRA without burst), shared by every
 * worker on every machine and timed by Redis' clock. Each call reserves the next free slot,
 * spaced 1000/perSecond ms apart, and says how long until it: no one-second window ever holds
 * more than `perSecond` deliveries, and waiting jobs never stampede to re-ask.
 */
const SCRIPT = `
local key = KEYS[1]
local interval = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', key) or '0')
if tat < now then tat = now end
local new_tat = tat + interval
redis.call('SET', key, tostring(new_tat), 'PX', math.ceil(new_tat - now + 1000))
return math.floor(tat - now)
`;

export interface CommunityRateLimiter {
  /** Reserve the community's next slot: 0 = send now, else send after this many ms. */
  reserve(communityId: string): Promise<number>;
}

export function createCommunityRateLimiter(redis: Redis, options: { prefix: string; perSecond: number }): CommunityRateLimiter {
  const interval = 1000 / options.perSecond;
  return {
    async reserve(communityId) {
      const wait = await redis.eval(SCRIPT, 1, `${options.prefix}:ratelimit:delivery:${communityId}`, String(interval));
      return Math.max(0, Number(wait));
    },
  };
}
