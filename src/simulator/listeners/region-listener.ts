import Fastify, { type FastifyInstance } from 'fastify';
import { registerDataServicesRoutes } from 'src/simulator/routes/data-services.routes';
import { envelopeResponder } from 'src/simulator/http/error-responder';
import { tokenFingerprint } from 'src/simulator/http/hash.util';
import { registerPassThroughRoutes } from 'src/simulator/routes/pass-through.routes';
import { acceptRawBodies } from 'src/simulator/http/request-body.util';
import { contextOf, pathOf } from 'src/simulator/http/request-context';
import type { SimulatorState } from 'src/simulator/simulator-state';
import { LISTENER_OPTIONS } from './listener-options';
import { applyFaults, installErrorHandler, installRequestHooks } from './listener-hooks';
import { budgetHeaders } from 'src/simulator/faults/rate-limiter';

const UNAUTHENTICATED_MESSAGE = 'The request did not provide valid authentication.';

/** One regional API host: data routes only, told apart from the other regions by its listener. */
export function buildRegionListener(state: SimulatorState, region: string): FastifyInstance {
  const app = Fastify(LISTENER_OPTIONS);
  const respond = envelopeResponder(state);
  acceptRawBodies(app);
  installRequestHooks(app, state, (request) => ({
    target: 'data',
    region,
    method: request.method,
    path: pathOf(request.url),
  }));

  // Order: rate accounting (headers on every answer), injected faults, 429, 401, then the route
  app.addHook('preHandler', async (request, reply) => {
    const context = contextOf(request);
    const nowMs = Date.now();
    const authorization = request.headers.authorization;
    const bearer = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1];
    if (bearer) {
      context.tokenFingerprint = tokenFingerprint(bearer);
    }
    const check = state.tokens.check(authorization, nowMs);
    if (check.valid) {
      context.token = check.token;
    }
    const rate = state.rateLimiter.consume(check.valid ? check.token.clientId : 'anonymous', nowMs);
    void reply.headers(budgetHeaders(rate, state.rateLimiter.spelling));
    if (applyFaults(state, request, reply, respond)) {
      return reply;
    }
    if (rate.limited) {
      if (state.rateLimiter.sendsRetryAfter) {
        void reply.header('Retry-After', String(rate.resetSeconds));
      }
      return respond(
        request,
        reply,
        429,
        `Too many requests: at most ${rate.limit} per window for this client; retry in ${rate.resetSeconds} s`,
        'tooManyRequests',
      );
    }
    if (!check.valid) {
      // No WWW-Authenticate header: none was observed upstream
      return respond(request, reply, 401, UNAUTHENTICATED_MESSAGE, 'unauthenticated');
    }
    context.workspace = state.workspaces.get(region, check.token.workspaceId);
    return undefined;
  });

  installErrorHandler(app, respond);
  app.setNotFoundHandler((request, reply) =>
    respond(
      request,
      reply,
      404,
      `No resource at ${request.method} ${pathOf(request.url)}`,
      'notFound',
    ),
  );
  registerDataServicesRoutes(app, state);
  registerPassThroughRoutes(app, state);
  return app;
}
