import { BadRequestException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { toErrorReply } from './error-response.mapper';
import { GatewayError } from './gateway-error';
import { GatewayErrorCode } from './gateway-error-code.enum';
import { HTTP_STATUS_BY_CODE } from './http-status-by-code';

describe(toErrorReply.name, () => {
  it.each(Object.values(GatewayErrorCode))(
    'maps %s to its status in the one error shape',
    (code) => {
      const reply = toErrorReply(new GatewayError(code, 'something happened'), 'req-1');
      expect(reply.status).toBe(HTTP_STATUS_BY_CODE[code]);
      expect(reply.body).toEqual({
        statusCode: HTTP_STATUS_BY_CODE[code],
        code,
        message: 'something happened',
        requestId: 'req-1',
      });
    },
  );

  it('keeps details, upstream info and headers', () => {
    const reply = toErrorReply(
      new GatewayError(GatewayErrorCode.UPSTREAM_RATE_LIMITED, 'slow down', {
        details: { limit: 1 },
        upstream: { status: 429, errorCode: 'HPE_GL_ERROR_TOO_MANY_REQUESTS', debugId: 'abc' },
        headers: { 'Retry-After': '7' },
      }),
      'r',
    );
    expect(reply.body).toMatchObject({
      details: { limit: 1 },
      upstream: { status: 429, debugId: 'abc' },
    });
    expect(reply.headers).toEqual({ 'Retry-After': '7' });
  });

  it('turns class-validator messages into VALIDATION_FAILED with details.errors', () => {
    const reply = toErrorReply(
      new BadRequestException(['limit must not be greater than 1000', 'offset must be an integer']),
      'r',
    );
    expect(reply.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid request: limit must not be greater than 1000; offset must be an integer',
      details: { errors: ['limit must not be greater than 1000', 'offset must be an integer'] },
      requestId: 'r',
    });
  });

  it('keeps the message of Nest HTTP exceptions and maps their status', () => {
    const reply = toErrorReply(new NotFoundException('Cannot GET /nowhere'), 'r');
    expect(reply.body).toMatchObject({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: 'Cannot GET /nowhere',
    });
  });

  it('maps the statuses Fastify raises through Nest (media type, size)', () => {
    expect(toErrorReply(new HttpException('Unsupported Media Type', 415), 'r').body.code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(toErrorReply(new HttpException('Request body is too large', 413), 'r').body.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('hides unknown errors behind a generic 500 and marks them for logging', () => {
    const reply = toErrorReply(new TypeError('secret detail at line 3'), 'r');
    expect(reply.status).toBe(HttpStatus.INTERNAL_SERVER_ERROR);
    expect(reply.unexpected).toBe(true);
    expect(reply.body.message).not.toContain('secret detail');
  });

  it('puts Retry-After on every 429 and 503, keeping one the error carries', () => {
    for (const code of Object.values(GatewayErrorCode)) {
      const reply = toErrorReply(new GatewayError(code, 'busy'), 'r');
      if (reply.status === 429 || reply.status === 503) {
        expect(reply.headers['Retry-After']).toBe('1');
      } else {
        expect(reply.headers['Retry-After']).toBeUndefined();
      }
    }
    const budget = new GatewayError(GatewayErrorCode.UPSTREAM_BUDGET_EXHAUSTED, 'spent', {
      headers: { 'Retry-After': '7' },
    });
    expect(toErrorReply(budget, 'r').headers).toEqual({ 'Retry-After': '7' });
  });
});
