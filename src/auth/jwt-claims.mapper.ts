import type { JWTPayload } from 'jose';
import { CALLER_SCOPES, CallerScope, JwtAuthConfig } from 'src/config/gateway-config.type';
import { Caller } from 'src/common/access/caller.type';

// Printable ASCII, bounded: the name lands in audit lines and rate-limit keys
const USABLE_NAME = /^[\x21-\x7e]{1,128}$/;

/** The caller a verified token describes, or a message saying why it describes none. */
export function callerFromClaims(payload: JWTPayload, config: JwtAuthConfig): Caller | string {
  const name = claimAt(payload, config.nameClaim);
  if (typeof name !== 'string' || !USABLE_NAME.test(name)) {
    return `Bearer token has no usable "${config.nameClaim}" claim to name the caller`;
  }
  const caller: Caller = {
    name,
    scopes: scopesFrom(claimAt(payload, config.scopesClaim), config),
    via: 'jwt',
  };
  if (config.profileClaim) {
    const profile = claimAt(payload, config.profileClaim);
    if (typeof profile === 'string' && profile) {
      caller.profile = profile;
    }
  }
  return caller;
}

/** The gateway scopes in a claim: a space- or comma-separated string, or an array of strings. */
export function scopesFrom(
  claim: unknown,
  config: Pick<JwtAuthConfig, 'scopePrefix'>,
): CallerScope[] {
  const values =
    typeof claim === 'string'
      ? claim.split(/[\s,]+/)
      : Array.isArray(claim)
        ? claim.filter((value): value is string => typeof value === 'string')
        : [];
  const scopes = values
    .filter((value) => value.startsWith(config.scopePrefix))
    .map((value) => value.slice(config.scopePrefix.length).toLowerCase())
    .filter((value): value is CallerScope => (CALLER_SCOPES as readonly string[]).includes(value));
  return [...new Set(scopes)];
}

/** A claim by dotted path (`realm_access.roles`), or the claim literally named so when it exists. */
function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) {
    return payload[path];
  }
  return path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === 'object' && Object.hasOwn(node, part)
          ? (node as Record<string, unknown>)[part]
          : undefined,
      payload,
    );
}
