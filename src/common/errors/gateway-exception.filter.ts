import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorReply } from './error-response.mapper';

/** The one place errors become responses; unknown errors are logged once, with their stack. */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(GatewayExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendError(exception, request, reply, this.logger);
  }
}

export function sendError(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
): void {
  const error = toErrorReply(exception, request.id);
  // What GreenLake said goes on the request's access line too
  const upstream = request.requestContext?.upstream;
  if (upstream && error.body.upstream?.debugId) {
    upstream.debugId = error.body.upstream.debugId;
  }
  if (error.unexpected) {
    logger.error(
      `${request.method} ${request.routeOptions.url ?? 'unmatched route'} failed (request ${request.id})`,
      exception instanceof Error ? exception.stack : String(exception),
    );
  }
  if (reply.sent) {
    // A stream already started (SSE, proxied body): all we can do is end it
    reply.raw.destroy();
    return;
  }
  void reply
    .status(error.status)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send(error.body);
}
