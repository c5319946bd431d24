import { GatewayError, UpstreamErrorInfo } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { classifyTransportError, retryAfterSeconds } from 'src/common/http/transport-error.util';
import { BodyTooLargeError } from './http-transport';
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

/**
 * A 2xx that a parsed route cannot use: not JSON, the wrong shape, or larger than
 * UPSTREAM_MAX_BODY_BYTES (DESIGN.md, "a bad answer"). `what` completes "answered ... with".
 */
export function mapBadResponse(context: UpstreamCallContext, what: string): GatewayError {
  return new GatewayError(
    GatewayErrorCode.UPSTREAM_BAD_RESPONSE,
    `GreenLake (${context.region}) answered ${context.method} ${context.path} with ${what}`,
  );
}

/**
 * A call that got no (whole) answer: 504 when it ran out of time (the body included) or the caller
 * left first, 503 when nobody answered, 502 when the body was larger than a parsed route reads.
 */
export function mapTransportError(
  error: unknown,
  context: UpstreamCallContext,
  timeoutMs: number,
  callerGone = false,
): GatewayError {
  const target = `GreenLake (${context.region}) for ${context.method} ${context.path}`;
  if (error instanceof BodyTooLargeError) {
    return mapBadResponse(context, `a body larger than ${error.limit} bytes`);
  }
  if (callerGone) {
    // Nobody reads this answer; it only reaches the logs and the audit
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_TIMEOUT,
      `${target} was cancelled: the caller went away first`,
      { cause: error },
    );
  }
  const failure = classifyTransportError(error);
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
