export { startSimulator } from './simulator';
export { operationScripts } from './seed/operation-scripts';
export type {
  OperationScript,
  OperationScriptStep,
  RequestMatch,
  RunningSimulator,
  SimulatedClient,
  SimulatedRequest,
  SimulatorControls,
  SimulatorOptions,
} from './simulator-api.type';
