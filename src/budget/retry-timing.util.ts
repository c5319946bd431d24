import { headerValue } from 'src/common/http/transport-error.util';
import { readBudgetHeaders } from './budget-headers.util';

// Full jitter (AWS architecture blog): a random wait in [0, min(cap, base·2^attempt)]
const BACKOFF_BASE_MS = 100;

export function fullJitterMs(attempt: number, capMs: number): number {
  return Math.floor(Math.random() * Math.min(capMs, BACKOFF_BASE_MS * 2 ** attempt));
}

/**
 * How long GreenLake asked us to wait, in ms: `Retry-After` (seconds or an HTTP date); on a 429
 * without it, the budget's reset in any of its spellings. Undefined when it said nothing.
 */
export function hintedWaitMs(
  status: number,
  headers: Record<string, unknown>,
  nowMs: number,
): number | undefined {
  const retryAfter = retryAfterMs(headers, nowMs);
  if (retryAfter !== undefined || status !== 429) {
    return retryAfter;
  }
  const budget = readBudgetHeaders(headers, nowMs);
  return budget ? Math.max(0, budget.resetAt - nowMs) : undefined;
}

/** `Retry-After` in ms (seconds or an HTTP date), undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, unknown>, nowMs: number): number | undefined {
  const retryAfter = headerValue(headers, 'retry-after');
  if (retryAfter === undefined) {
    return undefined;
  }
  const ms = /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - nowMs;
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}
