import { tokenFingerprint } from './hash.util';
import { TokenRegistry } from './token-registry';

const nowMs = Date.parse('2026-01-01T00:00:00.000Z');
const request = {
  clientId: 'client-a',
  workspaceId: 'ws-1',
  customerId: '0123456789abcdef0123456789abcdef',
  issuer: 'http://127.0.0.1:1',
  lifetimeSeconds: 60,
  nowMs,
};

describe(TokenRegistry.name, () => {
  it('issues unique JWT-shaped tokens with the usual claims', () => {
    const registry = new TokenRegistry();
    const first = registry.issue(request).accessToken;
    const second = registry.issue(request).accessToken;
    expect(first).not.toBe(second);
    const [header, payload, signature] = first.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({
      alg: 'HS256',
      typ: 'JWT',
    });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      iss: 'http://127.0.0.1:1',
      aud: 'external_api',
      client_id: 'client-a',
      iat: nowMs / 1000,
      exp: nowMs / 1000 + 60,
      jti: expect.any(String),
    });
    expect(signature).toMatch(/^[\w-]{43}$/);
  });

  it('accepts a live token and says why others are refused', () => {
    const registry = new TokenRegistry();
    const { accessToken, token } = registry.issue(request);
    expect(registry.check(`Bearer ${accessToken}`, nowMs)).toEqual({ valid: true, token });
    expect(token.fingerprint).toBe(tokenFingerprint(accessToken));
    expect(registry.check(undefined, nowMs)).toEqual({ valid: false, reason: 'missing' });
    expect(registry.check('Basic abc', nowMs)).toEqual({ valid: false, reason: 'malformed' });
    expect(registry.check('Bearer a.b.c', nowMs)).toEqual({ valid: false, reason: 'unknown' });
    expect(registry.check(`Bearer ${accessToken}`, nowMs + 60_000)).toEqual({
      valid: false,
      reason: 'expired',
    });
  });

  it('revokes and expires every token issued so far, not the later ones', () => {
    const registry = new TokenRegistry();
    const revoked = registry.issue(request).accessToken;
    registry.revokeAll();
    const expired = registry.issue(request).accessToken;
    registry.expireAll(nowMs);
    const fresh = registry.issue(request).accessToken;
    expect(registry.check(`Bearer ${revoked}`, nowMs)).toEqual({ valid: false, reason: 'revoked' });
    expect(registry.check(`Bearer ${expired}`, nowMs)).toEqual({ valid: false, reason: 'expired' });
    expect(registry.check(`Bearer ${fresh}`, nowMs).valid).toBe(true);
  });
});
