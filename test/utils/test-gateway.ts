import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from 'src/bootstrap/create-gateway-app';
import { pointAtSimulator } from 'src/bootstrap/embedded-simulator';
import { prepareRuntime } from 'src/bootstrap/runtime';
import { loadGatewayConfig } from 'src/config/env.validation';
import { Environment } from 'src/config/env-reader';
import { GatewayConfig } from 'src/config/gateway-config.type';
import type { RunningSimulator, SimulatorOptions } from 'src/simulator';
import { CapturingLogger } from './capturing-logger';

export interface TestGateway {
  app: NestFastifyApplication;
  /** e.g. http://127.0.0.1:41234, no trailing slash */
  url: string;
  config: GatewayConfig;
  simulator: RunningSimulator;
  logs: CapturingLogger;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  env?: Environment;
  simulator?: Partial<SimulatorOptions>;
  /** Use an already running simulator (e.g. shared by two gateway replicas). */
  sharedSimulator?: RunningSimulator;
}

/**
 * Boots the production app (same AppModule and configureApp as main.ts) in simulator mode, listening
 * on a free loopback port, with a simulator of its own unless one is shared.
 */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const env: Environment = {
    PORT: '0',
    // Everything is captured (not printed), so that tests see every line a request writes
    LOG_LEVEL: 'debug',
    GREENLAKE_SIMULATOR: 'on',
    ...options.env,
  };
  const { config, simulator } = options.sharedSimulator
    ? {
        config: pointAtSimulator(loadConfig(env), options.sharedSimulator),
        simulator: options.sharedSimulator,
      }
    : await startWithOwnSimulator(env, options.simulator);
  const logs = new CapturingLogger();
  const app = await createGatewayApp(config, logs);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    config,
    simulator,
    logs,
    close: async () => {
      await app.close();
      if (!options.sharedSimulator) {
        await simulator.stop();
      }
    },
  };
}

async function startWithOwnSimulator(
  env: Environment,
  simulatorOptions: Partial<SimulatorOptions> = {},
): Promise<{ config: GatewayConfig; simulator: RunningSimulator }> {
  const runtime = await prepareRuntime(env, { quiet: true, ...simulatorOptions });
  if (!runtime.simulator) {
    throw new Error('startTestGateway needs simulator mode');
  }
  return { config: runtime.config, simulator: runtime.simulator };
}

function loadConfig(env: Environment): GatewayConfig {
  const result = loadGatewayConfig(env);
  if (!result.ok) {
    throw new Error(result.problems.join('\n'));
  }
  return result.config;
}

export const DEV_KEY = { 'X-API-Key': 'simulator' } as const;
