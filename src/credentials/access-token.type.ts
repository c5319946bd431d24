import { createHash } from 'node:crypto';

export interface AccessToken {
  value: string;
  profile: string;
  /** Epoch ms at which the gateway received it. */
  issuedAt: number;
  /** Epoch ms at which the issuer said it expires. */
  expiresAt: number;
}

/** A short, safe name for a token in logs and audit lines: the first 8 hex of its SHA-256. */
export const tokenFingerprint = (token: string): string =>
  createHash('sha256').update(token).digest('hex').slice(0, 8);
