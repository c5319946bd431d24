import { headerValue } from 'src/common/http/transport-error.util';

/**
 * Response headers a caller may see from GreenLake. Everything else (set-cookie, server, via,
 * x-envoy-*, hop-by-hop headers, ...) stays at the gateway.
 */
export const SAFE_RESPONSE_HEADERS: readonly string[] = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-disposition',
  'etag',
  'last-modified',
  'location',
  'cache-control',
  'expires',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'retry-after',
  'deprecation',
  'sunset',
  'link',
];

// GreenLake's budget is renamed so that it never overwrites the gateway's own per-caller RateLimit-*
const UPSTREAM_RATE_LIMIT = /^ratelimit-/;

/** Caller request headers that mean something to GreenLake; credentials and cookies never pass. */
export const FORWARDED_REQUEST_HEADERS: readonly string[] = [
  'accept',
  'accept-language',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
];

/**
 * The allow-listed response headers, lower-cased, one string each (repeated `link` joined);
 * GreenLake's `ratelimit-*` become `x-greenlake-ratelimit-*`.
 */
export function pickSafeResponseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!SAFE_RESPONSE_HEADERS.includes(lower)) {
      continue;
    }
    const text = Array.isArray(value)
      ? value.map(String).join(', ')
      : typeof value === 'string' || typeof value === 'number'
        ? String(value)
        : undefined;
    if (text !== undefined) {
      safe[UPSTREAM_RATE_LIMIT.test(lower) ? `x-greenlake-${lower}` : lower] = text;
    }
  }
  return safe;
}

/** The allow-listed request headers of a caller, for a pass-through call. */
export function pickForwardedRequestHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = headerValue(headers, name);
    // curl's default `*/*` states no preference: GreenLake then gets the gateway's application/json
    if (value !== undefined && !(name === 'accept' && value.trim() === '*/*')) {
      forwarded[name] = value;
    }
  }
  return forwarded;
}
