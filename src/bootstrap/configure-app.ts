import { VersioningType } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { AuditHook } from 'src/audit/audit.hook';
import { createRootLogger } from 'src/common/logging/gateway-logger.factory';
import { GatewayLogger } from 'src/common/logging/gateway.logger';
import { serializeReply } from 'src/common/http/known-json.util';
import { RequestObservabilityHook } from 'src/observability/request-observability.hook';
import { registerJsonBodyParsers } from './json-body-parser';
import { setupSwagger } from './swagger';

/** Everything main.ts and the e2e tests must share, so that tests boot the production set-up. */
export async function configureApp(
  app: NestFastifyApplication,
  config: GatewayConfig,
  logger: GatewayLogger = new GatewayLogger(createRootLogger(config)),
): Promise<NestFastifyApplication> {
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  // No enableShutdownHooks(): main.ts owns SIGTERM (graceful-shutdown.ts), so that the server stops
  // accepting before anything closes and the process exits 0
  const fastify = app.getHttpAdapter().getInstance();
  // First, so that every later hook, guard and handler runs in the request's context
  app.get(RequestObservabilityHook).register(fastify, logger.root);
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  app.get(AuditHook).register(fastify);
  // Before init, which registers the routes: each route takes the serializer it finds
  fastify.setReplySerializer(serializeReply);
  setupSwagger(app, config);
  await app.init();
  // JSON and GreenLake's merge patches (RFC 7396), refused when nested too deep or too wide;
  // after init, which registers Nest's own JSON parser
  registerJsonBodyParsers(fastify);
  await fastify.ready();
  return app;
}
