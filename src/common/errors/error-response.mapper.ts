import { HttpException, HttpStatus } from '@nestjs/common';
import { ErrorResponseDto } from './error-response.dto';
import { GatewayError } from './gateway-error';
import { GatewayErrorCode } from './gateway-error-code.enum';
import { CODE_BY_HTTP_STATUS, HTTP_STATUS_BY_CODE } from './http-status-by-code';

export interface ErrorReply {
  status: number;
  body: ErrorResponseDto;
  headers: Record<string, string>;
  /** True when nothing explains the error: the filter logs those with their stack. */
  unexpected: boolean;
}

/** Turns anything thrown into the one error shape; pure so that every branch is unit-tested. */
export function toErrorReply(exception: unknown, requestId: string): ErrorReply {
  if (exception instanceof GatewayError) {
    return reply(
      HTTP_STATUS_BY_CODE[exception.code],
      exception.code,
      exception.message,
      requestId,
      {
        details: exception.details,
        upstream: exception.upstream,
        headers: exception.headers,
      },
    );
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception, requestId);
  }
  return {
    ...reply(
      HttpStatus.INTERNAL_SERVER_ERROR,
      GatewayErrorCode.INTERNAL_ERROR,
      'Internal error; quote the request id when reporting it',
      requestId,
    ),
    unexpected: true,
  };
}

function fromHttpException(exception: HttpException, requestId: string): ErrorReply {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const code =
    CODE_BY_HTTP_STATUS[status] ??
    (status >= 500 ? GatewayErrorCode.INTERNAL_ERROR : GatewayErrorCode.VALIDATION_FAILED);
  const messages =
    typeof response === 'object' ? (response as { message?: unknown }).message : response;
  if (Array.isArray(messages)) {
    // class-validator: one message per failed constraint
    const errors = messages.map(String);
    return reply(status, code, `Invalid request: ${errors.join('; ')}`, requestId, {
      details: { errors },
    });
  }
  const message = typeof messages === 'string' && messages ? messages : exception.message;
  return { ...reply(status, code, message, requestId), unexpected: status >= 500 };
}

function reply(
  status: number,
  code: GatewayErrorCode,
  message: string,
  requestId: string,
  extra: Pick<GatewayError, 'details' | 'upstream' | 'headers'> = {},
): ErrorReply {
  const body: ErrorResponseDto = { statusCode: status, code, message, requestId };
  if (extra.details !== undefined) {
    body.details = extra.details;
  }
  if (extra.upstream !== undefined) {
    body.upstream = extra.upstream;
  }
  const headers = { ...extra.headers };
  if ((status === 429 || status === 503) && !('Retry-After' in headers)) {
    // Every 429 and 503 tells the caller when to come back (DESIGN.md, the shared budget)
    headers['Retry-After'] = '1';
  }
  return { status, body, headers, unexpected: false };
}
