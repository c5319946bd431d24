/**
 * States after which polling stops. PAUSED is among them: GreenLake then waits for a person
 * (`additionalDetails.consoleUri`), so polling on would only burn requests; the caller gets the
 * task and can wait again once someone has acted.
 */
export const SETTLED_TASK_STATES: readonly string[] = [
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'TIMEDOUT',
  'PAUSED',
];

export function isTaskSettled(state: string | undefined): boolean {
  return state !== undefined && SETTLED_TASK_STATES.includes(state.toUpperCase());
}
