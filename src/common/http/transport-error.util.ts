import { isAxiosError } from 'axios';

export type TransportFailure = 'timeout' | 'unavailable';

const TIMEOUT_CODES = new Set([
  'ECONNABORTED',
  'ETIMEDOUT',
  'ERR_CANCELED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_ABORTED',
]);
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);

/**
 * Whether an error thrown by axios (the token endpoint) or undici (the regional hosts) means "no
 * answer in time" (a deadline's abort included) or "nobody answered".
 */
export function classifyTransportError(error: unknown): TransportFailure | undefined {
  if (isAxiosError(error)) {
    return error.response ? undefined : byCode(error.code ?? '', error.message);
  }
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const { name, code, cause, message } = error as {
    name?: unknown;
    code?: unknown;
    cause?: { code?: unknown };
    message?: unknown;
  };
  if (name === 'AbortError' || name === 'TimeoutError') {
    return 'timeout';
  }
  const codeOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return byCode(codeOf(code) ?? codeOf(cause?.code) ?? '', codeOf(message) ?? '');
}

function byCode(code: string, message: string): TransportFailure | undefined {
  if (TIMEOUT_CODES.has(code)) {
    return 'timeout';
  }
  if (UNAVAILABLE_CODES.has(code) || /socket hang up|ECONNRESET/i.test(message)) {
    return 'unavailable';
  }
  return undefined;
}

/** Seconds to wait from `Retry-After` (seconds or HTTP date) or GreenLake's `ratelimit-reset`. */
export function retryAfterSeconds(headers: Record<string, unknown>): number | undefined {
  const retryAfter = headerValue(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const seconds = /^\d+$/.test(retryAfter)
      ? Number(retryAfter)
      : (Date.parse(retryAfter) - Date.now()) / 1000;
    if (Number.isFinite(seconds)) {
      return Math.max(0, Math.ceil(seconds));
    }
  }
  const reset = headerValue(headers, 'ratelimit-reset');
  return reset !== undefined && /^\d+$/.test(reset) ? Number(reset) : undefined;
}

export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
}
