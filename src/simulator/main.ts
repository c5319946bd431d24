import { startSimulator } from './simulator';
import type { SimulatedClient, SimulatorOptions } from './simulator-api.type';

/** Runs the simulator alone (`npm run simulator`), configured from SIMULATOR_* variables. */
async function main(): Promise<void> {
  const simulator = await startSimulator(optionsFromEnv(process.env));
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`GreenLake simulator: ${signal}, stopping`);
    simulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('GreenLake simulator: failed to stop cleanly', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): SimulatorOptions {
  const clientId = env.SIMULATOR_CLIENT_ID;
  const clientSecret = env.SIMULATOR_CLIENT_SECRET;
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    throw new Error('Set both SIMULATOR_CLIENT_ID and SIMULATOR_CLIENT_SECRET, or neither');
  }
  const clients: SimulatedClient[] | undefined =
    clientId !== undefined && clientSecret !== undefined ? [{ clientId, clientSecret }] : undefined;
  return {
    host: env.SIMULATOR_HOST ?? '127.0.0.1',
    port: integer(env, 'SIMULATOR_PORT') ?? 4010,
    clients,
    tokenLifetimeSeconds: integer(env, 'SIMULATOR_TOKEN_LIFETIME_SECONDS'),
    operationStepMs: integer(env, 'SIMULATOR_OPERATION_STEP_MS'),
    rateLimitPerMinute: integer(env, 'SIMULATOR_RATE_LIMIT_PER_MINUTE'),
    quiet: false,
  };
}

function integer(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, not '${raw}'`);
  }
  return value;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(
      'GreenLake simulator failed to start:',
      error instanceof Error ? error.message : error,
    );
    process.exit(1);
  });
}
