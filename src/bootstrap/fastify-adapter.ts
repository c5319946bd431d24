import { HttpException, Logger } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from 'src/common/errors/gateway-exception.filter';
import { requestIdFor } from 'src/common/request-context/request-id.util';

/** Request bodies above this are refused with 413; GreenLake's own payloads are small JSON. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: requestIdFor,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    logger: false,
    frameworkErrors: answerRouterError,
  });
}

const routerLogger = new Logger('Router');

// A URL the router cannot decode (a bad %-escape such as %zz or an overlong %c0%ae) is answered
// before any hook runs: give it the one error shape too, without echoing the URL
function answerRouterError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'The request URL holds a malformed %-escape'
      : 'The request URL is not valid';
  void reply.header('x-request-id', request.id);
  sendError(new HttpException(message, error.statusCode ?? 400), request, reply, routerLogger);
}
