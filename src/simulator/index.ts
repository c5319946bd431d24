export { startSimulator } from './simulator';
export { operationScripts } from './seed/operation-scripts';
export type {
  BudgetHeaderSpelling,
  SimulatedBudget,
  OperationScript,
  OperationScriptStep,
  BadAnswer,
  RequestMatch,
  RunningSimulator,
  SimulatedClient,
  SimulatedRequest,
  SimulatorControls,
  SimulatorOptions,
} from './simulator-api.type';
