import type { OperationScript } from 'src/simulator/simulator-api.type';

/**
 * Ready-made scripts for controls.scriptNextOperations, timed by `stepMs` so that tests can run
 * them fast: the behaviours of GreenLake tasks that a follower of tasks must cope with.
 */
export const operationScripts = {
  /** RUNNING, then TIMEDOUT for a while (GreenLake retries the step), then SUCCEEDED. */
  timedOutThenSucceeded(stepMs: number): OperationScript {
    return {
      steps: [
        { atMs: 0, state: 'RUNNING', progressPercent: 10, message: 'Started' },
        {
          atMs: stepMs,
          state: 'TIMEDOUT',
          progressPercent: 40,
          message: 'Step timed out; retrying',
        },
        { atMs: 3 * stepMs, state: 'RUNNING', progressPercent: 70, message: 'Retrying the step' },
        { atMs: 4 * stepMs, state: 'SUCCEEDED', progressPercent: 100, message: 'Completed' },
      ],
    };
  },

  /** Reports `status` instead of `state`, as GreenLake's devices and subscriptions do. */
  statusStyle(stepMs: number): OperationScript {
    return {
      stateField: 'status',
      steps: [
        { atMs: 0, state: 'INITIALIZED', progressPercent: 0 },
        { atMs: stepMs, state: 'RUNNING', progressPercent: 50, message: 'Working' },
        { atMs: 2 * stepMs, state: 'SUCCEEDED', progressPercent: 100, message: 'Done' },
      ],
    };
  },

  /**
   * Ends SUCCEEDED `endMs` after creation, through `steps` evenly spaced RUNNING steps of rising
   * progress, while suggesting `suggestedPollingIntervalSeconds` (GreenLake's 30 s by default).
   */
  endsAfter(endMs: number, steps = 4, suggestedPollingIntervalSeconds = 30): OperationScript {
    const running = Array.from({ length: steps }, (_, index) => ({
      atMs: Math.floor(((index + 1) * endMs) / (steps + 1)),
      state: 'RUNNING',
      progressPercent: Math.round(((index + 1) * 100) / (steps + 1)),
      message: `Step ${index + 1} of ${steps}`,
    }));
    return {
      suggestedPollingIntervalSeconds,
      steps: [
        { atMs: 0, state: 'INITIALIZED', progressPercent: 0 },
        ...running,
        { atMs: endMs, state: 'SUCCEEDED', progressPercent: 100, message: 'Completed' },
      ],
    };
  },
};
