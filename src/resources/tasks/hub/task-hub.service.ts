import { BeforeApplicationShutdown, Inject, Injectable, Optional } from '@nestjs/common';
import { GatewayMetrics } from 'src/metrics/gateway-metrics.service';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { UpstreamClient } from 'src/upstream/upstream.client';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { NEVER_SCARCE, TASK_BUDGET_SIGNAL, TaskBudgetSignal } from './task-budget-signal';
import { TASK_COORDINATION, TaskCoordination } from './task-coordination';
import { TaskSubscription } from './task-subscription';
import { TaskTarget, TaskWatch, type WatchFollower } from './task-watch';

const ASYNC_OPERATIONS = '/data-services/v1beta1/async-operations';

/** The id of a followed task, also the hash tag of its Redis keys. */
export function taskWatchId(target: TaskTarget): string {
  return `${target.call.profile.name}:${target.call.region.name}:${target.taskId.toLowerCase()}`;
}

/**
 * Every `/wait`, `/events` and callback of this process that follows a task shares one TaskWatch
 * per (profile, region, task): N waiters cost one poll each time. With Redis one replica polls at a
 * time (see RedisTaskCoordination). Reads go straight to GreenLake, never through a cache.
 */
@Injectable()
export class TaskHub implements BeforeApplicationShutdown {
  private readonly watches = new Map<string, TaskWatch>();
  private readonly running = new Set<Promise<void>>();
  /** Open subscriptions, told at shutdown. */
  private readonly shutdownSubscriptions = new Set<TaskSubscription>();
  private stopped = false;
  // Plain counters for the lead to wire into /metrics (the operations issue owns prom-client)
  private polls = 0;
  private watchesStarted = 0;

  constructor(
    private readonly upstream: UpstreamClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(TASK_COORDINATION) private readonly coordination: TaskCoordination,
    @Optional()
    @Inject(TASK_BUDGET_SIGNAL)
    private readonly budget: TaskBudgetSignal = NEVER_SCARCE,
    @Optional() private readonly metrics?: GatewayMetrics,
  ) {}

  /** Follows a task: the subscription gets every snapshot from now on (the latest one first). */
  follow(target: TaskTarget): TaskSubscription {
    const subscription = new TaskSubscription((closing) => this.leave(target, closing));
    if (this.stopped) {
      subscription.shutdown();
      return subscription;
    }
    this.shutdownSubscriptions.add(subscription);
    this.watchFor(target).add(subscription);
    return subscription;
  }

  /** Follows a task for a non-HTTP follower (callbacks); returns the leave function. */
  attach(target: TaskTarget, follower: WatchFollower): () => void {
    if (this.stopped) {
      return () => undefined;
    }
    this.watchFor(target).add(follower);
    return () => this.leave(target, follower);
  }

  snapshot(): { watches: number; watchesStarted: number; polls: number } {
    return { watches: this.watches.size, watchesStarted: this.watchesStarted, polls: this.polls };
  }

  /** Shutdown: every waiter gets its final answer now; leases are handed back for another replica. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const watch of this.watches.values()) {
      watch.stop();
    }
    this.watches.clear();
    this.shutdownSubscriptions.forEach((subscription) => subscription.shutdown());
    this.shutdownSubscriptions.clear();
    await Promise.all([...this.running]);
  }

  private watchFor(target: TaskTarget): TaskWatch {
    const id = taskWatchId(target);
    const existing = this.watches.get(id);
    if (existing && !existing.isOver) {
      return existing;
    }
    const watch = new TaskWatch(id, target, {
      fetchTask: (of) => this.fetchTask(of),
      coordination: this.coordination,
      budget: this.budget,
      bounds: this.config.tasks,
      onPoll: () => {
        this.polls += 1;
      },
    });
    this.watches.set(id, watch);
    this.watchesStarted += 1;
    const run = watch.run().finally(() => {
      this.running.delete(run);
      if (this.watches.get(id) === watch) {
        this.watches.delete(id);
      }
    });
    this.running.add(run);
    return watch;
  }

  private leave(target: TaskTarget, follower: WatchFollower): void {
    const id = taskWatchId(target);
    const watch = this.watches.get(id);
    if (follower instanceof TaskSubscription) {
      this.shutdownSubscriptions.delete(follower);
    }
    if (watch?.remove(follower)) {
      this.watches.delete(id);
    }
  }

  private async fetchTask(target: TaskTarget): Promise<AsyncOperationWire> {
    // The poll serves every follower: it must not end when the caller that started it goes away
    const shared = { ...target.call, signal: undefined };
    this.metrics?.taskPoll(target.call.region.name);
    this.metrics?.activeTaskPollers(this.watches.size);
    const response = await this.upstream.request<AsyncOperationWire>(shared, {
      method: 'GET',
      path: `${ASYNC_OPERATIONS}/${encodeURIComponent(target.taskId)}`,
    });
    return response.data;
  }
}
