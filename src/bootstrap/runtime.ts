import { loadGatewayConfig } from 'src/config/env.validation';
import { Environment } from 'src/config/env-reader';
import { GatewayConfig } from 'src/config/gateway-config.type';
import type { RunningSimulator, SimulatorOptions } from 'src/simulator';
import { startEmbeddedSimulator } from './embedded-simulator';

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

export interface GatewayRuntime {
  config: GatewayConfig;
  /** Set in simulator mode: the embedded GreenLake simulator the gateway points at. */
  simulator?: RunningSimulator;
}

/** Validates the environment and, in simulator mode, starts the simulator the gateway will use. */
export async function prepareRuntime(
  env: Environment,
  simulatorOptions: Partial<SimulatorOptions> = {},
): Promise<GatewayRuntime> {
  const result = loadGatewayConfig(env);
  if (!result.ok) {
    throw new ConfigurationError(result.problems);
  }
  if (result.config.mode === 'real') {
    return { config: result.config };
  }
  return startEmbeddedSimulator(result.config, {
    tokenLifetimeSeconds: optionalNumber(env.SIMULATOR_TOKEN_LIFETIME_SECONDS),
    operationStepMs: optionalNumber(env.SIMULATOR_OPERATION_STEP_MS),
    ...simulatorOptions,
  });
}

const optionalNumber = (value: string | undefined): number | undefined =>
  value && /^\d+$/.test(value) ? Number(value) : undefined;
