/**
 * When to refresh a token, as the better cloud SDKs do. In the advisory window one caller refreshes
 * in the background while everyone keeps using the token; in the mandatory window callers wait for
 * the new one (but still get the old one if the refresh fails before it expires).
 */
export type TokenPhase = 'fresh' | 'advisory' | 'mandatory' | 'expired';

export interface TokenTimes {
  issuedAt: number;
  expiresAt: number;
}

const MANDATORY_MAX_MS = 30_000;

/** Advisory: the last 10% of life or the configured skew, whichever is longer, but never over half. */
export function advisoryWindowMs(token: TokenTimes, skewMs: number): number {
  const lifetime = Math.max(0, token.expiresAt - token.issuedAt);
  return Math.min(Math.max(0.1 * lifetime, skewMs), 0.5 * lifetime);
}

/** Mandatory: the last 30 s, or the last 5% of life for short-lived tokens. */
export function mandatoryWindowMs(token: TokenTimes): number {
  return Math.min(MANDATORY_MAX_MS, 0.05 * Math.max(0, token.expiresAt - token.issuedAt));
}

export function tokenPhase(token: TokenTimes, now: number, skewMs: number): TokenPhase {
  const remaining = token.expiresAt - now;
  if (remaining <= 0) {
    return 'expired';
  }
  if (remaining <= mandatoryWindowMs(token)) {
    return 'mandatory';
  }
  return remaining <= advisoryWindowMs(token, skewMs) ? 'advisory' : 'fresh';
}
