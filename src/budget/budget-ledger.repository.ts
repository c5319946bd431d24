import { Inject, Injectable, Logger } from '@nestjs/common';
import { redisKeys } from 'src/redis/redis-keys.util';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import type { BudgetObservation } from './budget-headers.util';
import { Admission, AdmissionRequest, admit, LedgerFields, observe } from './budget-ledger';
import { ADMIT_SCRIPT, OBSERVE_SCRIPT } from './budget-ledger-scripts';
import { RedisTooSlow, withinBudget } from 'src/redis/within-budget.util';

// A ledger outlives its window a little, so that the next window still knows the limit
const LEDGER_TTL_MS = 10 * 60_000;

export interface LedgerSnapshot {
  limit?: number;
  remaining?: number;
  resetAt?: number;
}

/**
 * Where the budget of each (profile, region) lives: one Redis hash when REDIS_URL is set (so every
 * replica paces and shares the same budget), process memory otherwise or while Redis fails.
 */
// Redis answers a ledger script in well under a millisecond; past this (a frozen or overloaded
// Redis, not a GC pause) the call paces from memory
const LEDGER_BUDGET_MS = 250;
const SKIP_REDIS_MS = 1_000;

@Injectable()
export class BudgetLedgerRepository {
  private readonly logger = new Logger(BudgetLedgerRepository.name);
  private readonly memory = new Map<string, LedgerFields>();
  private redisFailing = false;
  private skipRedisUntil = 0;

  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  async observe(
    profile: string,
    region: string,
    seen: BudgetObservation,
    nowMs: number,
  ): Promise<void> {
    const key = redisKeys.budget(profile, region);
    const shared = await this.attempt(() =>
      this.redis?.eval(
        OBSERVE_SCRIPT,
        1,
        key,
        nowMs,
        seen.remaining,
        seen.resetAt,
        seen.limit ?? '',
        LEDGER_TTL_MS,
      ),
    );
    if (shared === undefined) {
      observe(this.fieldsFor(key), seen, nowMs);
    }
  }

  async admit(profile: string, region: string, request: AdmissionRequest): Promise<Admission> {
    const key = redisKeys.budget(profile, region);
    const weights = Object.entries(request.weights).flatMap(([name, weight]) => [name, weight]);
    const reply = await this.attempt(() =>
      this.redis?.eval(
        ADMIT_SCRIPT,
        1,
        key,
        request.nowMs,
        request.caller,
        request.fairShare ? '1' : '0',
        request.defaultWeight,
        LEDGER_TTL_MS,
        ...weights,
      ),
    );
    if (reply === undefined) {
      return admit(this.fieldsFor(key), request);
    }
    const [admitted, reason, resetAt] = reply as [number, string?, string?];
    return admitted === 1
      ? { admitted: true }
      : {
          admitted: false,
          reason: reason === 'share' ? 'share' : 'spent',
          resetAt: Number(resetAt),
        };
  }

  async snapshot(profile: string, region: string): Promise<LedgerSnapshot> {
    const key = redisKeys.budget(profile, region);
    const shared = await this.attempt(() =>
      this.redis?.hmget(key, 'limit', 'remaining', 'resetAt'),
    );
    const [limit, remaining, resetAt] =
      shared ?? ['limit', 'remaining', 'resetAt'].map((field) => this.memory.get(key)?.get(field));
    const toNumber = (value: string | null | undefined) =>
      value === null || value === undefined ? undefined : Number(value);
    return { limit: toNumber(limit), remaining: toNumber(remaining), resetAt: toNumber(resetAt) };
  }

  private fieldsFor(key: string): LedgerFields {
    let fields = this.memory.get(key);
    if (!fields) {
      fields = new Map();
      this.memory.set(key, fields);
    }
    return fields;
  }

  /** Redis trouble never fails a call: the budget is kept in memory until Redis is back. */
  private async attempt<T>(operation: () => Promise<T> | undefined): Promise<T | undefined> {
    if (!this.redis || Date.now() < this.skipRedisUntil) {
      return undefined;
    }
    try {
      const pending = operation();
      const result = pending && (await withinBudget(pending, LEDGER_BUDGET_MS));
      this.redisFailing = false;
      return result;
    } catch (error) {
      if (error instanceof RedisTooSlow) {
        // A frozen or overloaded Redis must not hold every call: memory for a while, then one try
        this.skipRedisUntil = Date.now() + SKIP_REDIS_MS;
      }
      if (!this.redisFailing) {
        this.redisFailing = true;
        this.logger.warn(
          `budget ledger unavailable in Redis (${(error as Error).message}); pacing from memory meanwhile`,
        );
      }
      return undefined;
    }
  }
}
