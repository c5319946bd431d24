import { ConsoleLogger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from 'src/app.module';
import { GatewayConfig, GatewayLogLevel, LOG_LEVELS } from 'src/config/gateway-config.type';
import { configureApp } from './configure-app';
import { createFastifyAdapter } from './fastify-adapter';

export function createLogger(config: Pick<GatewayConfig, 'logLevel' | 'logFormat'>): ConsoleLogger {
  return new ConsoleLogger('GreenLakeGateway', {
    json: config.logFormat === 'json',
    logLevels: enabledLevels(config.logLevel),
    colors: config.logFormat === 'text' && process.stdout.isTTY,
  });
}

/** The production app: used by main.ts and by the e2e tests alike. */
export async function createGatewayApp(
  config: GatewayConfig,
  logger: LoggerService = createLogger(config),
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(),
    {
      logger,
      bufferLogs: false,
    },
  );
  return configureApp(app, config);
}

function enabledLevels(level: GatewayLogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
