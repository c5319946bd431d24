import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';

/**
 * The states that end a task. TIMEDOUT and PAUSED do not: GreenLake may retry a timed-out step and
 * a paused task goes on once a person acts (`additionalDetails.consoleUri`), so polling continues
 * until the task ends or the caller's time is up. Unknown states keep polling as well.
 */
export const ENDED_TASK_STATES: readonly string[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** A task's state, from `state` or, for the families that report it so (devices, subscriptions), `status`. */
export function taskStateOf(task: AsyncOperationWire | undefined): string | undefined {
  if (!task) {
    return undefined;
  }
  const loose = task as AsyncOperationWire & { status?: unknown };
  const state = typeof task.state === 'string' ? task.state : loose.status;
  return typeof state === 'string' ? state : undefined;
}

export function isTaskEnded(task: AsyncOperationWire | undefined): boolean {
  const state = taskStateOf(task);
  return state !== undefined && ENDED_TASK_STATES.includes(state.toUpperCase());
}
