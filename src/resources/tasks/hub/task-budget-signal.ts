/**
 * What the hub asks the budget tracker (src/budget, wired by the lead): is this profile's GreenLake
 * budget in this region scarce right now? Then polls slow down. Optional: without a provider the
 * budget is never scarce.
 */
export interface TaskBudgetSignal {
  isScarce(profile: string, region: string): boolean;
}

export const TASK_BUDGET_SIGNAL = Symbol('TASK_BUDGET_SIGNAL');

export const NEVER_SCARCE: TaskBudgetSignal = { isScarce: () => false };
