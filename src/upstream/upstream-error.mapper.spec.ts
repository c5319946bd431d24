import { AxiosError } from 'axios';
import { BodyTooLargeError } from './http-transport';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { HTTP_STATUS_BY_CODE } from 'src/common/errors/http-status-by-code';
import {
  mapBadResponse,
  mapTransportError,
  mapUpstreamStatus,
  parseUpstreamError,
} from './upstream-error.mapper';

const context = { region: 'us-west', method: 'GET', path: '/data-services/v1beta1/issues' };
const envelope = {
  httpStatusCode: 0,
  errorCode: 'SOME_CODE',
  message: 'field x is bad',
  debugId: 'f57dcca3345820eb579c9317ce36dd92',
};

describe(mapUpstreamStatus.name, () => {
  it.each([
    [400, GatewayErrorCode.UPSTREAM_REJECTED, 400],
    [422, GatewayErrorCode.UPSTREAM_REJECTED, 400],
    [401, GatewayErrorCode.UPSTREAM_AUTH_FAILED, 502],
    [403, GatewayErrorCode.UPSTREAM_AUTH_FAILED, 502],
    [404, GatewayErrorCode.RESOURCE_NOT_FOUND, 404],
    [405, GatewayErrorCode.UPSTREAM_REJECTED, 400],
    [409, GatewayErrorCode.CONFLICT, 409],
    [412, GatewayErrorCode.PRECONDITION_FAILED, 412],
    [429, GatewayErrorCode.UPSTREAM_RATE_LIMITED, 429],
    [500, GatewayErrorCode.UPSTREAM_ERROR, 502],
    [503, GatewayErrorCode.UPSTREAM_ERROR, 502],
  ])('maps upstream %i to %s (%i)', (status, code, gatewayStatus) => {
    const error = mapUpstreamStatus(status, { ...envelope, httpStatusCode: status }, {}, context);
    expect(error.code).toBe(code);
    expect(HTTP_STATUS_BY_CODE[error.code]).toBe(gatewayStatus);
    expect(error.upstream).toEqual({ status, errorCode: 'SOME_CODE', debugId: envelope.debugId });
  });

  it("passes GreenLake's validation message through on 400/422", () => {
    expect(mapUpstreamStatus(422, envelope, {}, context).message).toBe(
      'GreenLake rejected the request: field x is bad',
    );
  });

  it('gives Retry-After on 429 from Retry-After or ratelimit-reset', () => {
    expect(mapUpstreamStatus(429, envelope, { 'retry-after': '12' }, context).headers).toEqual({
      'Retry-After': '12',
    });
    expect(mapUpstreamStatus(429, envelope, { 'ratelimit-reset': '48' }, context).headers).toEqual({
      'Retry-After': '48',
    });
  });

  it('understands the 2024 envelope', () => {
    const legacy = {
      error: 'Missing required field(s)',
      errorCode: '422',
      traceId: '18e7b6adf90315de57f2b177652e3649',
    };
    expect(parseUpstreamError(legacy)).toEqual({
      errorCode: '422',
      debugId: legacy.traceId,
      message: 'Missing required field(s)',
    });
  });

  it('copes with bodies that are not an envelope', () => {
    expect(parseUpstreamError('<html>Bad gateway</html>')).toEqual({});
    expect(mapUpstreamStatus(502, '<html>', {}, context).code).toBe(
      GatewayErrorCode.UPSTREAM_ERROR,
    );
  });
});

describe(mapTransportError.name, () => {
  it.each([
    ['ECONNABORTED', GatewayErrorCode.UPSTREAM_TIMEOUT],
    ['ETIMEDOUT', GatewayErrorCode.UPSTREAM_TIMEOUT],
    ['ECONNREFUSED', GatewayErrorCode.UPSTREAM_UNAVAILABLE],
    ['ECONNRESET', GatewayErrorCode.UPSTREAM_UNAVAILABLE],
    ['ENOTFOUND', GatewayErrorCode.UPSTREAM_UNAVAILABLE],
  ])('maps %s to %s', (code, expected) => {
    expect(mapTransportError(new AxiosError('failed', code), context, 100).code).toBe(expected);
  });

  it.each([
    ['a deadline abort', new DOMException('This operation was aborted', 'AbortError'), 'TIMEOUT'],
    [
      'undici headers timeout',
      Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' }),
      'TIMEOUT',
    ],
    [
      'undici body timeout',
      Object.assign(new Error('t'), { code: 'UND_ERR_BODY_TIMEOUT' }),
      'TIMEOUT',
    ],
    [
      'undici other side closed',
      Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }),
      'UNAVAILABLE',
    ],
    [
      'a refused connection',
      Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
      'UNAVAILABLE',
    ],
    [
      'a fetch-style wrapped reset',
      new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }),
      'UNAVAILABLE',
    ],
  ])('maps %s from undici', (_label, error, kind) => {
    expect(mapTransportError(error, context, 100).code).toBe(`UPSTREAM_${kind}`);
  });

  it('maps anything else to UPSTREAM_ERROR, never to a 4xx', () => {
    expect(mapTransportError(new Error('weird'), context, 100).code).toBe(
      GatewayErrorCode.UPSTREAM_ERROR,
    );
  });
});

describe('bad answers', () => {
  const context = { region: 'us-west', method: 'GET', path: '/data-services/v1beta1/tags' };

  it('a body over UPSTREAM_MAX_BODY_BYTES → 502 UPSTREAM_BAD_RESPONSE naming the bound', () => {
    const error = mapTransportError(new BodyTooLargeError(1024), context, 10);
    expect(error.code).toBe(GatewayErrorCode.UPSTREAM_BAD_RESPONSE);
    expect(error.message).toMatch(/a body larger than 1024 bytes/);
  });

  it('a caller that went away → UPSTREAM_TIMEOUT saying so', () => {
    const error = mapTransportError(new Error('canceled'), context, 10, true);
    expect(error.code).toBe(GatewayErrorCode.UPSTREAM_TIMEOUT);
    expect(error.message).toMatch(/the caller went away/);
  });

  it('mapBadResponse says what GreenLake answered and where', () => {
    expect(mapBadResponse(context, 'an empty body').message).toBe(
      'GreenLake (us-west) answered GET /data-services/v1beta1/tags with an empty body',
    );
  });
});
