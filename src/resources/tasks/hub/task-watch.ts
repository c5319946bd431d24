import { Logger } from '@nestjs/common';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { isTaskEnded } from 'src/resources/tasks/task-state.util';
import { abortableDelay } from 'src/resources/tasks/abortable-delay.util';
import { nextPollDelayMs, type PollBounds } from './poll-schedule';
import type { TaskBudgetSignal } from './task-budget-signal';
import type { TaskCoordination } from './task-coordination';
import { shareError, type TaskSnapshot } from './task-snapshot';

export interface TaskTarget {
  call: UpstreamCall;
  taskId: string;
}

export interface TaskWatchDeps {
  fetchTask(target: TaskTarget): Promise<AsyncOperationWire>;
  coordination: TaskCoordination;
  budget: TaskBudgetSignal;
  bounds: PollBounds;
  /** A poll counter for the hub's snapshot(). */
  onPoll(): void;
}

/** Followers are told this often at most when they hold no lease (checks for a dead holder). */
export const LEASE_CHECK_MS = 1_000;

export interface WatchFollower {
  deliver(snapshot: TaskSnapshot): void;
}

/**
 * The one poller of one task in this process. Polls while this replica holds the task's lease,
 * else listens to the replica that does, and hands every snapshot to its followers. Ends when
 * the task ends or the last follower leaves.
 */
export class TaskWatch {
  private readonly logger = new Logger('TaskHub');
  private readonly followers = new Set<WatchFollower>();
  private readonly stopping = new AbortController();
  private wakeFollower?: () => void;
  private last?: TaskSnapshot;
  private lastPolledAt = 0;
  private previousDelayMs?: number;
  private nextDueAt = 0;
  private ended = false;
  private holding = false;

  constructor(
    readonly id: string,
    private readonly target: TaskTarget,
    private readonly deps: TaskWatchDeps,
  ) {}

  get followerCount(): number {
    return this.followers.size;
  }

  get isOver(): boolean {
    return this.ended || this.stopping.signal.aborted;
  }

  add(follower: WatchFollower): void {
    this.followers.add(follower);
    if (this.last) {
      follower.deliver(this.last);
    }
  }

  /** True when this was the last follower (the watch then stops). */
  remove(follower: WatchFollower): boolean {
    this.followers.delete(follower);
    if (this.followers.size === 0) {
      this.stop();
      return true;
    }
    return false;
  }

  stop(): void {
    this.stopping.abort();
    this.wakeFollower?.();
  }

  /** The loop; resolves once the watch is over and its lease given up. */
  async run(): Promise<void> {
    const { coordination } = this.deps;
    const unsubscribe = await coordination.subscribe(this.id, (snapshot) => {
      this.receive(snapshot);
    });
    try {
      if (coordination.shared) {
        await this.adoptStored();
      }
      while (!this.isOver) {
        this.holding = await coordination.holdLease(this.id);
        if (this.isOver) {
          break;
        }
        if (!this.holding) {
          await this.listen(LEASE_CHECK_MS);
          continue;
        }
        const wait = this.nextDueAt - Date.now();
        if (wait > 0) {
          // In slices, so that the lease is renewed while a long interval passes
          await abortableDelay(Math.min(wait, LEASE_CHECK_MS), this.stopping.signal);
          continue;
        }
        await this.poll();
      }
    } catch (error) {
      this.logger.error(`Following task ${this.target.taskId} failed: ${String(error)}`);
    } finally {
      unsubscribe();
      if (this.holding) {
        await coordination.releaseLease(this.id);
      }
    }
  }

  /** A snapshot another replica stored: an ended task needs no poll; a fresh one sets the schedule. */
  private async adoptStored(): Promise<void> {
    const stored = await this.deps.coordination.load(this.id);
    if (!stored?.task) {
      return;
    }
    const fresh = Date.now() - stored.polledAt <= stored.nextDelayMs + LEASE_CHECK_MS;
    if (isTaskEnded(stored.task) || fresh) {
      this.receive(stored);
    }
  }

  private async poll(): Promise<void> {
    const { call, taskId } = this.target;
    const scarce = this.deps.budget.isScarce(call.profile.name, call.region.name);
    this.deps.onPoll();
    let snapshot: TaskSnapshot;
    try {
      const task = await this.deps.fetchTask(this.target);
      snapshot = {
        task,
        polledAt: Date.now(),
        nextDelayMs: nextPollDelayMs(this.previousDelayMs, task, this.deps.bounds, scarce),
      };
    } catch (error) {
      snapshot = {
        error: shareError(error),
        polledAt: Date.now(),
        nextDelayMs: nextPollDelayMs(
          this.previousDelayMs,
          this.last?.task,
          this.deps.bounds,
          scarce,
        ),
      };
      this.logger.debug?.(`Poll of task ${taskId} failed: ${snapshot.error?.code}`);
    }
    this.receive(snapshot);
    await this.deps.coordination.publish(this.id, snapshot);
  }

  private receive(snapshot: TaskSnapshot): void {
    // Our own announcements come back on the channel; older news is no news
    if (snapshot.polledAt <= this.lastPolledAt) {
      return;
    }
    this.lastPolledAt = snapshot.polledAt;
    this.previousDelayMs = snapshot.nextDelayMs;
    this.nextDueAt = snapshot.polledAt + snapshot.nextDelayMs;
    if (snapshot.task) {
      this.last = snapshot;
    }
    if (isTaskEnded(snapshot.task)) {
      this.ended = true;
    }
    for (const follower of [...this.followers]) {
      follower.deliver(snapshot);
    }
    this.wakeFollower?.();
  }

  private listen(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeFollower = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeFollower = done;
    });
  }
}
