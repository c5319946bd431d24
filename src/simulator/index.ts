export { startSimulator } from './simulator';
export type {
  BudgetHeaderSpelling,
  SimulatedBudget,
  RequestMatch,
  RunningSimulator,
  SimulatedClient,
  SimulatedRequest,
  SimulatorControls,
  SimulatorOptions,
} from './simulator-api.type';
