import type {
  AsyncOperationWire,
  OperationLogMessageWire,
} from 'src/upstream/wire/async-operation.wire';
import { taskStateOf } from './task-state.util';

/** The data of an `event: progress` message. */
export interface TaskProgress {
  state?: string;
  progressPercent?: number;
  /** Only the messages not sent in an earlier event. */
  logMessages: OperationLogMessageWire[];
}

/**
 * Follows one task across polls and says what changed. GreenLake keeps only the most recent log
 * messages, so messages are recognised by their timestamp and text, not by their position.
 */
export class TaskProgressTracker {
  private readonly seen = new Set<string>();
  private last?: { state?: string; progressPercent?: number };

  /** The progress event for this read of the task, or undefined when nothing changed. */
  next(task: AsyncOperationWire): TaskProgress | undefined {
    const logMessages = (task.logMessages ?? []).filter((entry) => {
      const key = `${entry.timestamp}\u0000${entry.message}`;
      if (this.seen.has(key)) {
        return false;
      }
      this.seen.add(key);
      return true;
    });
    const state = taskStateOf(task);
    const changed =
      this.last === undefined ||
      this.last.state !== state ||
      this.last.progressPercent !== task.progressPercent ||
      logMessages.length > 0;
    this.last = { state, progressPercent: task.progressPercent };
    return changed ? { state, progressPercent: task.progressPercent, logMessages } : undefined;
  }
}
