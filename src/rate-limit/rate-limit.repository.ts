import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { redisKeys } from 'src/redis/redis-keys.util';
import { RedisClient } from 'src/redis/redis.provider';
import { RedisTooSlow, withinBudget } from 'src/redis/within-budget.util';

// One round trip, atomic across replicas: count the hit and start the window on the first one
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}`;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// A counter is on every caller's path: a frozen Redis may cost one call this much, then the
// counters stay in memory for SKIP_REDIS_MS before Redis is tried again
const COUNTER_BUDGET_MS = 100;
const SKIP_REDIS_MS = 1_000;

// Above this many windows in memory, expired ones are swept on the next hit
const SWEEP_ABOVE = 10_000;

interface Window {
  hits: number;
  resetAt: number;
}

/**
 * Fixed-window hit counters for the throttler: in Redis when REDIS_URL is set, so a limit holds
 * across replicas, and in memory otherwise. A Redis failure falls back to memory for that hit,
 * so an outage loosens limits to per-replica ones but never fails a request.
 */
export class RateLimitRepository implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly memory = new Map<string, Window>();
  private redisFailing = false;
  private skipRedisUntil = 0;

  constructor(private readonly redis: RedisClient) {}

  async increment(key: string, ttlMs: number, limit: number): Promise<ThrottlerStorageRecord> {
    const { hits, remainingMs } =
      (await this.hitInRedis(key, ttlMs)) ?? this.hitInMemory(key, ttlMs);
    const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
    const isBlocked = hits > limit;
    return {
      totalHits: hits,
      timeToExpire: seconds,
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds : 0,
    };
  }

  private async hitInRedis(
    key: string,
    ttlMs: number,
  ): Promise<{ hits: number; remainingMs: number } | undefined> {
    if (!this.redis || Date.now() < this.skipRedisUntil) {
      return undefined;
    }
    try {
      const [hits, remainingMs] = (await withinBudget(
        this.redis.eval(HIT_SCRIPT, 1, redisKeys.rateLimit(key), ttlMs),
        COUNTER_BUDGET_MS,
      )) as [number, number];
      if (this.redisFailing) {
        this.redisFailing = false;
        this.logger.log('Rate-limit counters are back in Redis');
      }
      return { hits, remainingMs };
    } catch (error) {
      if (error instanceof RedisTooSlow) {
        this.skipRedisUntil = Date.now() + SKIP_REDIS_MS;
      }
      if (!this.redisFailing) {
        this.redisFailing = true;
        this.logger.warn(
          `Rate-limit counters fall back to memory (limits per replica) while Redis fails: ${(error as Error).message}`,
        );
      }
      return undefined;
    }
  }

  private hitInMemory(key: string, ttlMs: number): { hits: number; remainingMs: number } {
    const now = Date.now();
    if (this.memory.size > SWEEP_ABOVE) {
      this.memory.forEach((window, windowKey) => {
        if (window.resetAt <= now) {
          this.memory.delete(windowKey);
        }
      });
    }
    let window = this.memory.get(key);
    if (!window || window.resetAt <= now) {
      window = { hits: 0, resetAt: now + ttlMs };
      this.memory.set(key, window);
    }
    window.hits += 1;
    return { hits: window.hits, remainingMs: window.resetAt - now };
  }
}
