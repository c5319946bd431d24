import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { abortableDelay } from './abortable-delay.util';
import { TaskPoller, TaskTarget } from './task-poller.service';
import { isTaskSettled } from './task-state.util';

export interface TaskWaitResult {
  /** True when the task reached a settled state (see SETTLED_TASK_STATES) before the timeout. */
  settled: boolean;
  task: AsyncOperationWire;
  /** The poll interval in force, for a Retry-After hint. */
  intervalMs: number;
}

@Injectable()
export class TaskWaitService implements BeforeApplicationShutdown {
  // On shutdown every wait answers at once (202 with the task as it stands)
  private readonly stopping = new AbortController();

  constructor(private readonly poller: TaskPoller) {}

  beforeApplicationShutdown(): void {
    this.stopping.abort();
  }

  /**
   * Polls the task until it settles or `timeoutSeconds` pass, whichever is first; the last read is
   * made at the deadline so the answer is as fresh as it can be. Stops early when the client goes or the gateway shuts down.
   */
  async waitForTask(
    target: TaskTarget,
    timeoutSeconds: number,
    clientGone: AbortSignal,
  ): Promise<TaskWaitResult> {
    const signal = AbortSignal.any([clientGone, this.stopping.signal]);
    const deadline = Date.now() + timeoutSeconds * 1000;
    let task = await this.poller.fetchTask(target);
    while (!isTaskSettled(task.state)) {
      const remainingMs = deadline - Date.now();
      if (remainingMs <= 0) {
        break;
      }
      const waited = await abortableDelay(
        Math.min(this.poller.intervalMs(task), remainingMs),
        signal,
      );
      if (!waited) {
        break;
      }
      task = await this.poller.fetchTask(target);
    }
    return { settled: isTaskSettled(task.state), task, intervalMs: this.poller.intervalMs(task) };
  }
}
