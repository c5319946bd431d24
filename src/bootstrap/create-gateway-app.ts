import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { AppModule } from 'src/app.module';
import { createRootLogger } from 'src/common/logging/gateway-logger.factory';
import { GatewayLogger } from 'src/common/logging/gateway.logger';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { configureApp } from './configure-app';
import { createFastifyAdapter } from './fastify-adapter';

export function createLogger(
  config: Pick<GatewayConfig, 'logLevel' | 'logFormat'>,
  destination?: DestinationStream,
): GatewayLogger {
  return new GatewayLogger(createRootLogger(config, destination));
}

/**
 * The production app: used by main.ts and by the e2e tests alike. Logs go to stdout, or as JSON
 * lines to `logDestination` (tests capture them).
 */
export async function createGatewayApp(
  config: GatewayConfig,
  logDestination?: DestinationStream,
): Promise<NestFastifyApplication> {
  const logger = createLogger(config, logDestination);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(),
    {
      logger,
      bufferLogs: false,
    },
  );
  return configureApp(app, config, logger);
}
