import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { bannerLines } from './bootstrap/banner';
import { ConfigurationError, prepareRuntime } from './bootstrap/runtime';

async function main(): Promise<void> {
  loadDotEnv();
  const runtime = await prepareRuntime(process.env);
  // Loaded once the configuration is known to be good, so that a bad one exits at once
  const { createGatewayApp } = await import('./bootstrap/create-gateway-app');
  const { installGracefulShutdown } = await import('./bootstrap/graceful-shutdown');
  const app = await createGatewayApp(runtime.config);
  const { host } = runtime.config;
  await app.listen({ port: runtime.config.port, host });
  installGracefulShutdown(app, runtime.config.shutdownGraceMs);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : runtime.config.port;
  const logger = new Logger('Bootstrap');
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
  bannerLines(runtime.config, url, runtime.simulator).forEach((line) => logger.log(line));
}

function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch {
    // no .env file: the environment alone configures the gateway
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(
      `Invalid configuration (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}):\n`,
    );
    error.problems.forEach((problem) => process.stderr.write(`  ${problem}\n`));
  } else {
    process.stderr.write(
      `GreenLake Gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
