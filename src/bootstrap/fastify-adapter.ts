import { HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
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
    clientErrorHandler: answerUnreadableRequest,
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

const UNREADABLE: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request did not arrive in time'],
  HPE_HEADER_OVERFLOW: [431, 'The request headers are larger than the gateway reads'],
};

// A request Node's HTTP parser cannot read (a raw non-ASCII or control byte in the request line,
// broken framing) never reaches Fastify's routing: answer it in the one error shape too (found by
// the fuzz suite: Fastify's default body had no `code`)
function answerUnreadableRequest(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const [status, message] = UNREADABLE[error.code ?? ''] ?? [
    400,
    'The request could not be read (a malformed request line, header or framing)',
  ];
  const requestId = randomUUID();
  const body = JSON.stringify({
    statusCode: status,
    code: 'VALIDATION_FAILED',
    message,
    requestId,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : status === 408 ? 'Request Timeout' : 'Request Header Fields Too Large'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
