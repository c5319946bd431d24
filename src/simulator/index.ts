export { startSimulator } from './simulator';
export type {
  BadAnswer,
  RequestMatch,
  RunningSimulator,
  SimulatedClient,
  SimulatedRequest,
  SimulatorControls,
  SimulatorOptions,
} from './simulator-api.type';
