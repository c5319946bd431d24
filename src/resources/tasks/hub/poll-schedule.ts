import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';

export interface PollBounds {
  pollMinMs: number;
  pollMaxMs: number;
}

// When GreenLake suggests nothing: HPE's own Terraform provider polls every 5 s
const DEFAULT_SUGGESTED_MS = 5_000;

/** GreenLake's suggestedPollingIntervalSeconds (5 s when absent), clamped to the bounds. */
export function ceilingMs(task: AsyncOperationWire | undefined, bounds: PollBounds): number {
  const suggested = task?.suggestedPollingIntervalSeconds;
  const wanted =
    typeof suggested === 'number' && Number.isFinite(suggested) && suggested > 0
      ? suggested * 1000
      : DEFAULT_SUGGESTED_MS;
  return Math.min(bounds.pollMaxMs, Math.max(bounds.pollMinMs, wanted));
}

/**
 * The wait before the next poll: TASK_POLL_MIN_MS after the first read, then doubling up to the
 * task's suggested interval (so a task that ends early is seen early, and a long one costs about as
 * much as polling at the suggested interval). While the budget is scarce the wait jumps to at least
 * the suggested interval and keeps doubling up to TASK_POLL_MAX_MS.
 */
export function nextPollDelayMs(
  previousMs: number | undefined,
  task: AsyncOperationWire | undefined,
  bounds: PollBounds,
  budgetScarce = false,
): number {
  const ceiling = ceilingMs(task, bounds);
  if (previousMs === undefined) {
    return budgetScarce ? ceiling : Math.min(bounds.pollMinMs, ceiling);
  }
  const doubled = Math.max(bounds.pollMinMs, previousMs * 2);
  if (budgetScarce) {
    return Math.min(bounds.pollMaxMs, Math.max(ceiling, doubled));
  }
  return Math.min(ceiling, doubled);
}
