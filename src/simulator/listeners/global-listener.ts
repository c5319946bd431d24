import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { DOWNLOADS_PREFIX, isValidDownload } from 'src/simulator/routes/download-link';
import { envelopeResponder } from 'src/simulator/http/error-responder';
import { acceptRawBodies } from 'src/simulator/http/request-body.util';
import { contextOf, pathOf } from 'src/simulator/http/request-context';
import type { SimulatorState } from 'src/simulator/simulator-state';
import {
  LEGACY_TOKEN_PATH,
  WORKSPACE_TOKEN_PATH,
  handleTokenRequest,
  sendTokenError,
} from 'src/simulator/routes/token-endpoint';
import {
  type ErrorResponder,
  applyFaults,
  installErrorHandler,
  installRequestHooks,
} from './listener-hooks';
import { LISTENER_OPTIONS } from './listener-options';

const TOKEN_PATH = /^\/(as\/token\.oauth2|authorization\/v2\/oauth2\/[^/]+\/token)$/;

/** The global host: both token endpoints and the software download target. */
export function buildGlobalListener(state: SimulatorState): FastifyInstance {
  const app = Fastify(LISTENER_OPTIONS);
  const envelope = envelopeResponder(state);
  const isTokenCall = (request: FastifyRequest): boolean => TOKEN_PATH.test(pathOf(request.url));
  // Token endpoints answer OAuth errors; failNext still answers with GreenLake's envelope
  const respond: ErrorResponder = (request, reply, status, message, kind) =>
    isTokenCall(request)
      ? sendTokenError(reply, status, status >= 500 ? 'server_error' : 'invalid_request', message)
      : envelope(request, reply, status, message, kind);

  acceptRawBodies(app);
  installRequestHooks(app, state, (request) => ({
    target: isTokenCall(request) ? 'token' : 'data',
    method: request.method,
    path: pathOf(request.url),
  }));
  app.addHook('preHandler', async (request, reply) => {
    if (applyFaults(state, request, reply, envelope)) {
      return reply;
    }
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

  app.post(LEGACY_TOKEN_PATH, async (request, reply) =>
    handleTokenRequest(state, request, reply, undefined),
  );
  app.post<{ Params: { workspaceId: string } }>(WORKSPACE_TOKEN_PATH, async (request, reply) =>
    handleTokenRequest(state, request, reply, request.params.workspaceId),
  );

  // The target of a 303 from POST /software-releases/{id}/download: signed like a pre-signed URL
  app.get<{ Params: { releaseId: string; filename: string } }>(
    `${DOWNLOADS_PREFIX}/:releaseId/:filename`,
    async (request, reply) => {
      const { releaseId, filename } = request.params;
      const signature = contextOf(request).query.signature;
      if (
        typeof signature !== 'string' ||
        !isValidDownload(state.downloadKey, releaseId, filename, signature)
      ) {
        return envelope(request, reply, 404, 'The download link is not valid', 'notFound');
      }
      return reply
        .code(200)
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(Buffer.from(`Simulated content of ${filename}\n`));
    },
  );
  return app;
}
