import { redisKeys } from 'src/redis/redis-keys.util';
import type { RedisClient } from 'src/redis/redis.provider';
import type { CallbackRecord, CallbackStore } from './callback-store';

// A callback whose task never ends is dropped after a week
const RECORD_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Pending callbacks in Redis: one hash per task (hash-tagged with the task's keys) plus one set
 * listing the tasks that have some, which every replica scans to take over a dead one's work.
 * Delivery is at least once: a replica that dies mid-delivery leaves a claim that expires, and
 * the next claimant sends again (receivers dedupe by X-Gateway-Callback-Id).
 */
export class RedisCallbackStore implements CallbackStore {
  readonly durable = true;

  constructor(
    private readonly redis: NonNullable<RedisClient>,
    private readonly replicaId: string,
  ) {}

  async add(watchId: string, record: CallbackRecord): Promise<void> {
    const key = redisKeys.taskCallbacks(watchId);
    await this.redis
      .multi()
      .hset(key, record.id, JSON.stringify(record))
      .expire(key, RECORD_TTL_SECONDS)
      .exec();
    await this.redis.sadd(redisKeys.pendingTaskCallbacks(), watchId);
  }

  async pending(watchId: string): Promise<CallbackRecord[]> {
    const values = await this.redis.hvals(redisKeys.taskCallbacks(watchId));
    const records: CallbackRecord[] = [];
    for (const value of values) {
      try {
        records.push(JSON.parse(value) as CallbackRecord);
      } catch {
        // Not ours: skipped
      }
    }
    if (values.length === 0) {
      await this.redis.srem(redisKeys.pendingTaskCallbacks(), watchId);
    }
    return records;
  }

  async remove(watchId: string, callbackId: string): Promise<void> {
    const key = redisKeys.taskCallbacks(watchId);
    await this.redis.hdel(key, callbackId);
    await this.redis.del(redisKeys.taskCallbackClaim(watchId, callbackId));
    if ((await this.redis.hlen(key)) === 0) {
      await this.redis.srem(redisKeys.pendingTaskCallbacks(), watchId);
    }
  }

  async claim(watchId: string, callbackId: string, ms: number): Promise<boolean> {
    const key = redisKeys.taskCallbackClaim(watchId, callbackId);
    const taken = await this.redis.set(key, this.replicaId, 'PX', ms, 'NX');
    if (taken === 'OK') {
      // A claim can only be taken once the last holder removed its own, after the record: so a
      // record still there was not delivered
      if (await this.redis.hexists(redisKeys.taskCallbacks(watchId), callbackId)) {
        return true;
      }
      await this.redis.del(key);
      return false;
    }
    if ((await this.redis.get(key)) === this.replicaId) {
      await this.redis.pexpire(key, ms);
      return true;
    }
    return false;
  }

  async releaseClaim(watchId: string, callbackId: string): Promise<void> {
    const key = redisKeys.taskCallbackClaim(watchId, callbackId);
    if ((await this.redis.get(key)) === this.replicaId) {
      await this.redis.del(key);
    }
  }

  pendingTasks(): Promise<string[]> {
    return this.redis.smembers(redisKeys.pendingTaskCallbacks());
  }
}
