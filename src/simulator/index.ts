export { startSimulator } from './simulator';
export type {
  RequestMatch,
  RunningSimulator,
  SimulatedClient,
  SimulatedRequest,
  SimulatorControls,
  SimulatorOptions,
} from './simulator-api.type';
