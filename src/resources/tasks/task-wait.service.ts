import { Injectable } from '@nestjs/common';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { TaskHub } from './hub/task-hub.service';
import { errorOf, type TaskSnapshot } from './hub/task-snapshot';
import type { TaskTarget } from './hub/task-watch';
import { isTaskEnded } from './task-state.util';

export interface TaskWaitResult {
  /** True when the task ended (SUCCEEDED, FAILED, CANCELLED) before the timeout. */
  ended: boolean;
  task: AsyncOperationWire;
  /** The schedule's next poll, for a Retry-After hint. */
  intervalMs: number;
}

/** `GET .../tasks/{id}/wait`: one more follower of the task's shared poller (TaskHub). */
@Injectable()
export class TaskWaitService {
  constructor(private readonly hub: TaskHub) {}

  /**
   * The task once it ends, or as it stands when `timeoutSeconds` pass (the first read is always
   * waited for, so that an unknown task is a 404). Stops early when the client goes or the gateway
   * shuts down (then the task as it stands: a 202).
   */
  async waitForTask(
    target: TaskTarget,
    timeoutSeconds: number,
    clientGone: AbortSignal,
  ): Promise<TaskWaitResult> {
    const subscription = this.hub.follow(target);
    try {
      const deadline = Date.now() + timeoutSeconds * 1000;
      let latest: TaskSnapshot | undefined;
      for (;;) {
        const next = await subscription.next(
          clientGone,
          latest ? deadline - Date.now() : undefined,
        );
        if (typeof next === 'string') {
          break;
        }
        if (next.error) {
          throw errorOf(next.error);
        }
        latest = next;
        if (isTaskEnded(next.task) || Date.now() >= deadline) {
          break;
        }
      }
      const current = latest ?? subscription.latestTask;
      if (!current?.task) {
        throw new GatewayError(
          GatewayErrorCode.UPSTREAM_UNAVAILABLE,
          'The gateway is shutting down before the task could be read; ask again',
          { headers: { 'retry-after': '1' } },
        );
      }
      return {
        ended: isTaskEnded(current.task),
        task: current.task,
        intervalMs: current.nextDelayMs,
      };
    } finally {
      subscription.close();
    }
  }
}
