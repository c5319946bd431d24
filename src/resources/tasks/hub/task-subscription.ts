import type { TaskSnapshot } from './task-snapshot';

export type NextSnapshot = TaskSnapshot | 'closed' | 'timeout' | 'aborted';

// A consumer reads each snapshot as it comes; the cap only guards against one that stopped reading
const MAX_QUEUED = 100;

/**
 * One waiter's view of a followed task: the snapshots in the order they came, read with next().
 * `closed` once the hub shuts down. Always end it with close() (the task's poller stops when its
 * last subscription closes).
 */
export class TaskSubscription {
  private readonly queue: TaskSnapshot[] = [];
  private wake?: () => void;
  private shutDown = false;
  /** The newest snapshot with a task, read or not. */
  latestTask?: TaskSnapshot;

  constructor(private readonly onClose: (subscription: TaskSubscription) => void) {}

  /** Called by the hub. */
  deliver(snapshot: TaskSnapshot): void {
    if (snapshot.task) {
      this.latestTask = snapshot;
    }
    this.queue.push(snapshot);
    if (this.queue.length > MAX_QUEUED) {
      this.queue.shift();
    }
    this.wake?.();
  }

  /** Called by the hub on shutdown. */
  shutdown(): void {
    this.shutDown = true;
    this.wake?.();
  }

  get isShutDown(): boolean {
    return this.shutDown;
  }

  /** The next snapshot, or why there is none: the hub shut down, `timeoutMs` passed, `signal` aborted. */
  async next(signal: AbortSignal, timeoutMs?: number): Promise<NextSnapshot> {
    const queued = this.queue.shift();
    if (queued) {
      return queued;
    }
    if (this.shutDown) {
      return 'closed';
    }
    if (signal.aborted) {
      return 'aborted';
    }
    if (timeoutMs !== undefined && timeoutMs <= 0) {
      return 'timeout';
    }
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      const timer = timeoutMs === undefined ? undefined : setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
    const arrived = this.queue.shift();
    if (arrived) {
      return arrived;
    }
    return this.shutDown ? 'closed' : signal.aborted ? 'aborted' : 'timeout';
  }

  close(): void {
    this.onClose(this);
  }
}
