import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { redisKeys } from 'src/redis/redis-keys.util';
import { scanAllMasters, unlinkAll } from 'src/redis/redis-scan.util';
import {
  deserializeAnswer,
  serializeAnswer,
  type CacheStore,
  type LockResult,
  type StoreRead,
  type StoredAnswer,
} from './cache-store.type';

/** How long a cache read may take before the caller goes upstream instead (Redis is ~0.2 ms). */
export const CACHE_READ_BUDGET_MS = 50;
// After a command over budget or failing (a frozen, overloaded or broken Redis), the cache skips
// Redis until a probe in the background (one at a time, this often) finds it answering again: a
// caller pays the budget once when trouble starts, never while it lasts
const PROBE_EVERY_MS = 500;
// An invalidation must not be lost: one that fails is retried until Redis takes it
const INVALIDATE_BUDGET_MS = 250;
const RETRY_INVALIDATIONS_EVERY_MS = 1_000;

// Releases the fill lock only for its owner
const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Counters for /metrics (wired by the operations work): plain numbers, read with snapshot(). */
export interface RedisCacheStoreStats {
  overBudget: number;
  failed: number;
  skippedWhileSuspect: number;
  pendingInvalidations: number;
}

/**
 * Entries in Redis, shared by every replica: `gw:cache:{scope}:<hash>` with the scope's generation
 * counter beside it (one MGET reads both; a write INCRs the counter, which voids the scope's
 * entries on every replica in O(1)). Every command has a short time budget: a slow or frozen
 * Redis makes the cache absent, never the caller late.
 */
export class RedisCacheStore implements CacheStore {
  readonly shared = true;
  private readonly logger = new Logger('ResponseCache');
  private suspect_ = false;
  private probing = false;
  private lastProbeAt = 0;
  private readonly pending = new Set<string>();
  private retryTimer?: NodeJS.Timeout;
  private readonly stats: RedisCacheStoreStats = {
    overBudget: 0,
    failed: 0,
    skippedWhileSuspect: 0,
    pendingInvalidations: 0,
  };

  constructor(private readonly redis: Redis) {}

  snapshot(): RedisCacheStoreStats {
    return { ...this.stats, pendingInvalidations: this.pending.size };
  }

  async read(scope: string, hash: string): Promise<StoreRead | undefined> {
    const result = await this.budgeted(CACHE_READ_BUDGET_MS, () =>
      this.redis
        .pipeline()
        .mget(redisKeys.cacheGeneration(scope), redisKeys.cacheEntry(scope, hash))
        .exists(redisKeys.cacheLock(scope, hash))
        .exec(),
    );
    if (!result) {
      return undefined;
    }
    const [[mgetError, values], [existsError, lockCount]] = result as [
      [Error | null, (string | null)[]],
      [Error | null, number],
    ];
    if (mgetError || existsError) {
      this.stats.failed++;
      return undefined;
    }
    const generation = Number(values[0] ?? 0);
    const answer = values[1] === null ? undefined : deserializeAnswer(values[1]);
    return {
      generation,
      answer: answer?.scopeGeneration === generation ? answer : undefined,
      locked: lockCount > 0,
    };
  }

  write(
    scope: string,
    hash: string,
    answer: StoredAnswer,
    keepMs: number,
    lockOwner?: string,
  ): void {
    if (!this.usable()) {
      return;
    }
    // One connection runs commands in order: the entry is there before the lock goes
    const pipeline = this.redis
      .pipeline()
      .set(redisKeys.cacheEntry(scope, hash), serializeAnswer(answer), 'PX', keepMs);
    if (lockOwner) {
      pipeline.eval(RELEASE_IF_OWNER, 1, redisKeys.cacheLock(scope, hash), lockOwner);
    }
    pipeline.exec().catch((error: Error) => this.failed('store an entry', error));
  }

  async invalidate(scope: string): Promise<void> {
    const done = this.redis.status === 'ready' ? await this.incrementGeneration(scope) : false;
    if (!done) {
      this.pending.add(scope);
      this.scheduleRetry();
    }
  }

  async purge(scopePattern: string, knownScopes: readonly string[]): Promise<number> {
    const scopes = new Set(knownScopes);
    const entries: string[] = [];
    for (const key of await scanAllMasters(this.redis, redisKeys.cachePattern(scopePattern))) {
      const scope = key.slice(key.indexOf('{') + 1, key.lastIndexOf('}'));
      scopes.add(scope);
      if (!key.endsWith('}:gen') && !key.includes('}:lock:')) {
        entries.push(key);
      }
    }
    await Promise.all([...scopes].map((scope) => this.invalidate(scope)));
    const purged = await unlinkAll(this.redis, entries);
    return purged;
  }

  async lock(scope: string, hash: string, ttlMs: number): Promise<LockResult> {
    const owner = randomUUID();
    const result = await this.budgeted(CACHE_READ_BUDGET_MS, () =>
      this.redis.set(redisKeys.cacheLock(scope, hash), owner, 'PX', ttlMs, 'NX'),
    );
    if (result === undefined) {
      return { kind: 'unavailable' };
    }
    return result === 'OK' ? { kind: 'acquired', owner } : { kind: 'busy' };
  }

  unlock(scope: string, hash: string, owner: string): void {
    if (!this.usable()) {
      return;
    }
    this.redis
      .eval(RELEASE_IF_OWNER, 1, redisKeys.cacheLock(scope, hash), owner)
      .catch((error: Error) => this.failed('release a fill lock', error));
  }

  private async incrementGeneration(scope: string): Promise<boolean> {
    const result = await this.budgeted(
      INVALIDATE_BUDGET_MS,
      () => this.redis.incr(redisKeys.cacheGeneration(scope)),
      false,
    );
    return result !== undefined;
  }

  private scheduleRetry(): void {
    if (this.retryTimer) {
      return;
    }
    this.retryTimer = setInterval(
      () => void this.retryInvalidations(),
      RETRY_INVALIDATIONS_EVERY_MS,
    );
    this.retryTimer.unref();
  }

  private async retryInvalidations(): Promise<void> {
    if (this.redis.status !== 'ready') {
      return;
    }
    for (const scope of [...this.pending]) {
      if (await this.incrementGeneration(scope)) {
        this.pending.delete(scope);
      }
    }
    if (this.pending.size === 0) {
      clearInterval(this.retryTimer);
      this.retryTimer = undefined;
      this.logger.log('Pending cache invalidations reached Redis');
    }
  }

  private usable(): boolean {
    return this.redis.status === 'ready' && !this.suspect_;
  }

  /** The command's result, or undefined when Redis is down, suspect, failing or over budget. */
  private async budgeted<T>(
    budgetMs: number,
    command: () => Promise<T>,
    respectSuspect = true,
  ): Promise<T | undefined> {
    if (this.redis.status !== 'ready') {
      return undefined;
    }
    if (respectSuspect && this.suspect_) {
      this.stats.skippedWhileSuspect++;
      this.probe();
      return undefined;
    }
    let settled = false;
    // The command may still settle after the budget: its late answer (or error) is dropped
    const attempt = command().then(
      (result) => {
        settled = true;
        return result;
      },
      (error: Error) => {
        settled = true;
        this.failed('run a command', error);
        return undefined;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const overBudget = new Promise<undefined>((resolve) => {
      // setImmediate runs after the loop's I/O phase: an answer that arrived within the budget but
      // waits behind a busy event loop still counts, so only a slow Redis is called slow
      timer = setTimeout(
        () =>
          setImmediate(() => {
            if (!settled) {
              this.stats.overBudget++;
              this.suspect(`did not answer within ${budgetMs} ms`);
            }
            resolve(undefined);
          }),
        budgetMs,
      );
    });
    try {
      return await Promise.race([attempt, overBudget]);
    } finally {
      clearTimeout(timer);
    }
  }

  private failed(what: string, error: Error): void {
    this.stats.failed++;
    this.suspect(`could not ${what} (${error.message})`);
  }

  private suspect(reason: string): void {
    if (!this.suspect_) {
      this.logger.warn(`Redis ${reason}: the cache goes without it until it answers again`);
    }
    this.suspect_ = true;
    this.lastProbeAt = Date.now();
  }

  /** One PING at a time, in the background; the first answer within budget ends the suspicion. */
  private probe(): void {
    if (this.probing || Date.now() - this.lastProbeAt < PROBE_EVERY_MS) {
      return;
    }
    this.probing = true;
    this.lastProbeAt = Date.now();
    const started = Date.now();
    this.redis
      .ping()
      .then(
        () => {
          if (Date.now() - started <= CACHE_READ_BUDGET_MS && this.suspect_) {
            this.suspect_ = false;
            this.logger.log('Redis answers again: the cache uses it');
          }
        },
        () => undefined,
      )
      .finally(() => {
        this.probing = false;
        this.lastProbeAt = Date.now();
      });
  }
}
