import { VersioningType } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { AuditHook } from 'src/audit/audit.hook';
import { registerJsonBodyParsers } from './json-body-parser';
import { setupSwagger } from './swagger';

/** Everything main.ts and the e2e tests must share, so that tests boot the production set-up. */
export async function configureApp(
  app: NestFastifyApplication,
  config: GatewayConfig,
): Promise<NestFastifyApplication> {
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  app.get(AuditHook).register(fastify);
  setupSwagger(app, config);
  await app.init();
  // JSON and GreenLake's merge patches (RFC 7396), refused when nested too deep or too wide;
  // after init, which registers Nest's own JSON parser
  registerJsonBodyParsers(fastify);
  await fastify.ready();
  return app;
}
