import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { redisKeys } from 'src/redis/redis-keys.util';
import type { RedisClient } from 'src/redis/redis.provider';
import type { TaskCoordination } from './task-coordination';
import { parseSnapshot, type TaskSnapshot } from './task-snapshot';
import { isTaskEnded } from 'src/resources/tasks/task-state.util';

/** The lease lives this long unless renewed; a dead holder's lease moves after at most this. */
export const TASK_LEASE_MS = 6_000;
// An ended task's snapshot stays for late waiters; a running one only as long as it could matter
const ENDED_SNAPSHOT_TTL_MS = 10 * 60_000;
const RUNNING_SNAPSHOT_TTL_MS = 60 * 60_000;

// Take the lease when free, renew it when ours: one round trip, no race between GET and SET
const HOLD_LEASE = `
local holder = redis.call('GET', KEYS[1])
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;
const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * Redis: one replica holds a task's lease (SET NX PX, renewed while it polls) and polls; it
 * stores each snapshot and publishes it on the task's channel, which the other replicas hear on
 * their subscriber connection. When Redis fails, a replica polls on its own (fail open: waiters
 * are never left without answers; the cost is extra polls until Redis is back).
 */
export class RedisTaskCoordination implements TaskCoordination {
  readonly shared = true;
  private readonly logger = new Logger('TaskHub');
  /** Identifies this replica's leases. */
  readonly replicaId = randomUUID();
  private readonly listeners = new Map<string, (snapshot: TaskSnapshot) => void>();
  private warned = false;

  constructor(
    private readonly redis: NonNullable<RedisClient>,
    private readonly subscriber: NonNullable<RedisClient>,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      const snapshot = parseSnapshot(message);
      if (snapshot) {
        this.listeners.get(channel)?.(snapshot);
      }
    });
  }

  async holdLease(id: string): Promise<boolean> {
    try {
      const held = await this.redis.eval(
        HOLD_LEASE,
        1,
        redisKeys.taskLease(id),
        this.replicaId,
        String(TASK_LEASE_MS),
      );
      this.warned = false;
      return held === 1;
    } catch (error) {
      this.warnOnce(error);
      return true;
    }
  }

  async releaseLease(id: string): Promise<void> {
    try {
      await this.redis.eval(RELEASE_LEASE, 1, redisKeys.taskLease(id), this.replicaId);
    } catch {
      // It expires on its own
    }
  }

  async load(id: string): Promise<TaskSnapshot | undefined> {
    try {
      return parseSnapshot(await this.redis.get(redisKeys.taskSnapshot(id)));
    } catch (error) {
      this.warnOnce(error);
      return undefined;
    }
  }

  async publish(id: string, snapshot: TaskSnapshot): Promise<void> {
    const text = JSON.stringify(snapshot);
    try {
      if (snapshot.task) {
        const ttl = isTaskEnded(snapshot.task) ? ENDED_SNAPSHOT_TTL_MS : RUNNING_SNAPSHOT_TTL_MS;
        await this.redis.set(redisKeys.taskSnapshot(id), text, 'PX', ttl);
      }
      await this.redis.publish(redisKeys.taskChannel(id), text);
    } catch (error) {
      this.warnOnce(error);
    }
  }

  async subscribe(id: string, onSnapshot: (snapshot: TaskSnapshot) => void): Promise<() => void> {
    const channel = redisKeys.taskChannel(id);
    this.listeners.set(channel, onSnapshot);
    try {
      await this.subscriber.subscribe(channel);
    } catch (error) {
      this.warnOnce(error);
    }
    return () => {
      this.listeners.delete(channel);
      this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  private warnOnce(error: unknown): void {
    if (!this.warned) {
      this.warned = true;
      this.logger.warn(
        `Redis unavailable for task coordination (${error instanceof Error ? error.message : String(error)}); this replica polls on its own until it returns`,
      );
    }
  }
}
