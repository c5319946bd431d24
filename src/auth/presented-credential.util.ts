import type { IncomingHttpHeaders } from 'node:http';

/** A credential as the caller sent it: in `X-API-Key`, or as `Authorization: Bearer`. */
export type PresentedCredential =
  { source: 'x-api-key' | 'bearer'; value: string } | { source: 'malformed'; problem: string };

// Compact JWS: three base64url parts, the first a JSON header (so it starts with "eyJ")
const COMPACT_JWS = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** What the request carries, or undefined when it carries nothing. Pure, for every strategy. */
export function presentedCredential(headers: IncomingHttpHeaders): PresentedCredential | undefined {
  const apiKey = headers['x-api-key'];
  if (Array.isArray(apiKey)) {
    return { source: 'malformed', problem: 'Send one X-API-Key header, not several' };
  }
  if (apiKey !== undefined && apiKey.trim()) {
    return { source: 'x-api-key', value: apiKey.trim() };
  }
  const authorization = headers.authorization;
  if (authorization === undefined || !authorization.trim()) {
    return undefined;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) {
    return {
      source: 'malformed',
      problem: 'Malformed Authorization header: expected "Bearer <key or token>"',
    };
  }
  return { source: 'bearer', value: match[1] };
}

/** True when a bearer credential has the shape of a JWT rather than of an API key. */
export const looksLikeJwt = (value: string): boolean => COMPACT_JWS.test(value);
