import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { tokenFingerprint } from './hash.util';

export interface IssuedToken {
  clientId: string;
  workspaceId: string;
  issuedAtMs: number;
  expiresAtMs: number;
  revoked: boolean;
  fingerprint: string;
}

export type TokenCheck =
  | { valid: true; token: IssuedToken }
  | { valid: false; reason: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked' };

export interface TokenRequest {
  clientId: string;
  workspaceId: string;
  issuer: string;
  customerId: string;
  lifetimeSeconds: number;
  nowMs: number;
}

const PRUNE_ABOVE = 10_000;

/**
 * Issues JWT-shaped access tokens (HS256 with a per-process random key; upstream uses RS256) and
 * remembers them, so that revoke and expire controls can act on every token handed out.
 */
export class TokenRegistry {
  private readonly signingKey = randomBytes(32);
  private readonly tokens = new Map<string, IssuedToken>();

  issue(request: TokenRequest): { accessToken: string; token: IssuedToken } {
    const iat = Math.floor(request.nowMs / 1000);
    const header = { alg: 'HS256', typ: 'JWT', kid: 'simulator' };
    const payload = {
      iss: request.issuer,
      aud: 'external_api',
      sub: request.clientId,
      client_id: request.clientId,
      auth_source: 'simulator',
      platform_customer_id: request.customerId,
      iat,
      exp: iat + request.lifetimeSeconds,
      jti: randomUUID(),
    };
    const unsigned = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(payload))}`;
    const signature = createHmac('sha256', this.signingKey).update(unsigned).digest('base64url');
    const accessToken = `${unsigned}.${signature}`;
    const token: IssuedToken = {
      clientId: request.clientId,
      workspaceId: request.workspaceId,
      issuedAtMs: request.nowMs,
      expiresAtMs: request.nowMs + request.lifetimeSeconds * 1000,
      revoked: false,
      fingerprint: tokenFingerprint(accessToken),
    };
    this.prune(request.nowMs);
    this.tokens.set(accessToken, token);
    return { accessToken, token };
  }

  /** Checks an `Authorization` header value. */
  check(authorization: string | undefined, nowMs: number): TokenCheck {
    if (!authorization) {
      return { valid: false, reason: 'missing' };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match || match[1].split('.').length !== 3) {
      return { valid: false, reason: 'malformed' };
    }
    const token = this.tokens.get(match[1]);
    if (!token) {
      return { valid: false, reason: 'unknown' };
    }
    if (token.revoked) {
      return { valid: false, reason: 'revoked' };
    }
    if (nowMs >= token.expiresAtMs) {
      return { valid: false, reason: 'expired' };
    }
    return { valid: true, token };
  }

  revokeAll(): void {
    for (const token of this.tokens.values()) {
      token.revoked = true;
    }
  }

  expireAll(nowMs: number): void {
    for (const token of this.tokens.values()) {
      token.expiresAtMs = Math.min(token.expiresAtMs, nowMs);
    }
  }

  clear(): void {
    this.tokens.clear();
  }

  get size(): number {
    return this.tokens.size;
  }

  // Forgetting a dead token is safe: an unknown token gets the same 401 as an expired one
  private prune(nowMs: number): void {
    if (this.tokens.size < PRUNE_ABOVE) {
      return;
    }
    for (const [accessToken, token] of this.tokens) {
      if (token.revoked || nowMs >= token.expiresAtMs) {
        this.tokens.delete(accessToken);
      }
    }
  }
}

function base64Url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
