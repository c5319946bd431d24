import { GatewayError, UpstreamErrorInfo } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { classifyTransportError, retryAfterSeconds } from 'src/common/http/transport-error.util';
import type { GreenLakeErrorWire, LegacyErrorWire } from './wire/error.wire';

export interface UpstreamCallContext {
  region: string;
  method: string;
  path: string;
}

interface ParsedUpstreamError {
  errorCode?: string;
  debugId?: string;
  message?: string;
}

// GreenLake's validation text is safe to show the caller; anything longer is not a message
const MAX_UPSTREAM_MESSAGE = 500;

/** The one table from an upstream status to a gateway error (STYLE.md). */
export function mapUpstreamStatus(
  status: number,
  data: unknown,
  headers: Record<string, unknown>,
  context: UpstreamCallContext,
): GatewayError {
  const parsed = parseUpstreamError(data);
  const upstream: UpstreamErrorInfo = {
    status,
    errorCode: parsed.errorCode,
    debugId: parsed.debugId,
  };
  const where = `GreenLake (${context.region}) answered ${status} to ${context.method} ${context.path}`;
  const said = parsed.message ? `: ${parsed.message}` : '';
  const reject = (code: GatewayErrorCode, message: string, headers?: Record<string, string>) =>
    new GatewayError(code, message, { upstream, headers });
  if (status === 400 || status === 422) {
    return reject(GatewayErrorCode.UPSTREAM_REJECTED, `GreenLake rejected the request${said}`);
  }
  if (status === 401 || status === 403) {
    return reject(
      GatewayErrorCode.UPSTREAM_AUTH_FAILED,
      `${where}: the gateway's GreenLake credentials were refused; an operator must check them`,
    );
  }
  if (status === 404) {
    return reject(GatewayErrorCode.RESOURCE_NOT_FOUND, `Not found in GreenLake${said}`);
  }
  if (status === 409) {
    return reject(GatewayErrorCode.CONFLICT, `GreenLake reported a conflict${said}`);
  }
  if (status === 412) {
    return reject(GatewayErrorCode.PRECONDITION_FAILED, `GreenLake precondition failed${said}`);
  }
  if (status === 429) {
    return reject(
      GatewayErrorCode.UPSTREAM_RATE_LIMITED,
      'GreenLake rate limit reached; retry later',
      {
        'Retry-After': String(retryAfterSeconds(headers) ?? 1),
      },
    );
  }
  if (status >= 500) {
    return reject(GatewayErrorCode.UPSTREAM_ERROR, where);
  }
  // Other 4xx (405, 406, 413, 415, ...) mean GreenLake did not accept what the caller sent
  return reject(
    GatewayErrorCode.UPSTREAM_REJECTED,
    `GreenLake rejected the request with ${status}${said}`,
  );
}

/** A call that got no answer: 504 when it ran out of time, 503 when nobody answered. */
export function mapTransportError(
  error: unknown,
  context: UpstreamCallContext,
  timeoutMs: number,
): GatewayError {
  const failure = classifyTransportError(error);
  const target = `GreenLake (${context.region}) for ${context.method} ${context.path}`;
  if (failure === 'timeout') {
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_TIMEOUT,
      `${target} did not answer within ${timeoutMs} ms`,
      { cause: error },
    );
  }
  if (failure === 'unavailable') {
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_UNAVAILABLE,
      `${target} is unreachable (connection refused or reset)`,
      {
        cause: error,
        headers: { 'Retry-After': '1' },
      },
    );
  }
  return new GatewayError(GatewayErrorCode.UPSTREAM_ERROR, `${target} failed`, { cause: error });
}

/** Understands the current envelope and the 2024 one. */
export function parseUpstreamError(data: unknown): ParsedUpstreamError {
  if (typeof data !== 'object' || data === null) {
    return {};
  }
  const current = data as Partial<GreenLakeErrorWire>;
  const legacy = data as Partial<LegacyErrorWire>;
  const message =
    typeof current.message === 'string'
      ? current.message
      : typeof legacy.error === 'string'
        ? legacy.error
        : undefined;
  const debugId =
    typeof current.debugId === 'string'
      ? current.debugId
      : typeof legacy.traceId === 'string'
        ? legacy.traceId
        : undefined;
  const errorCode = typeof current.errorCode === 'string' ? current.errorCode : undefined;
  return { errorCode, debugId, message: message?.slice(0, MAX_UPSTREAM_MESSAGE) };
}
