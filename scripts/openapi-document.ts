import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { join } from 'node:path';
import { AppModule } from 'src/app.module';
import { configureApp } from 'src/bootstrap/configure-app';
import { createFastifyAdapter } from 'src/bootstrap/fastify-adapter';
import { buildOpenApiDocument } from 'src/bootstrap/swagger';
import { loadGatewayConfig } from 'src/config/env.validation';

export const OPENAPI_FILE = join(__dirname, '..', 'openapi.json');

/**
 * A fixed configuration, so that the committed document is the same on every machine: simulator
 * mode (nothing real is contacted; the simulator is not even started), one placeholder key (so the
 * description does not mention the development key), no JWT, default regions and limits.
 */
const FIXED_ENV = {
  GREENLAKE_SIMULATOR: 'on',
  GATEWAY_API_KEYS: 'openapi:openapi-placeholder-key:read',
};

/** The gateway's OpenAPI document, built by the production set-up without listening. */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const result = loadGatewayConfig(FIXED_ENV);
  if (!result.ok) {
    throw new Error(`fixed OpenAPI configuration is invalid:\n${result.problems.join('\n')}`);
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(result.config),
    createFastifyAdapter(),
    { logger: ['error'] },
  );
  try {
    await configureApp(app, result.config);
    return buildOpenApiDocument(app, result.config);
  } finally {
    await app.close();
  }
}
