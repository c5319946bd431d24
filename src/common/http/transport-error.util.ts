import { isAxiosError } from 'axios';

export type TransportFailure = 'timeout' | 'unavailable';

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED']);
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
]);

/** Whether an error thrown by axios means "no answer in time" or "nobody answered". */
export function classifyTransportError(error: unknown): TransportFailure | undefined {
  if (!isAxiosError(error) || error.response) {
    return undefined;
  }
  const code = error.code ?? '';
  if (TIMEOUT_CODES.has(code)) {
    return 'timeout';
  }
  if (UNAVAILABLE_CODES.has(code) || /socket hang up|ECONNRESET/i.test(error.message)) {
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
