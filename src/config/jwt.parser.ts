import { EnvReader } from './env-reader';
import { JwtAuthConfig } from './gateway-config.type';
import { isHttpUrl } from './profiles.parser';

const CLAIM_PATH = /^[A-Za-z_][A-Za-z0-9_:/.-]{0,127}$/;
const OPTIONAL = [
  'GATEWAY_JWT_ISSUER',
  'GATEWAY_JWT_AUDIENCE',
  'GATEWAY_JWT_SCOPES_CLAIM',
  'GATEWAY_JWT_SCOPE_PREFIX',
  'GATEWAY_JWT_NAME_CLAIM',
  'GATEWAY_JWT_PROFILE_CLAIM',
  'GATEWAY_JWT_JWKS_TIMEOUT_MS',
] as const;

/**
 * The optional second caller strategy: JWT bearer tokens from the company's identity provider,
 * verified against its JWKS. Off unless `GATEWAY_JWT_JWKS_URL` is set; then the issuer and the
 * audience are required, because a token minted for another application must not pass.
 */
export function readJwtConfig(reader: EnvReader): JwtAuthConfig | undefined {
  const jwksUrl = reader.string('GATEWAY_JWT_JWKS_URL');
  if (jwksUrl === undefined) {
    const stray = OPTIONAL.filter((name) => reader.string(name) !== undefined);
    if (stray.length > 0) {
      reader.problem(
        stray[0],
        `${stray.join(', ')} set without GATEWAY_JWT_JWKS_URL (set it to accept JWT bearer tokens)`,
      );
    }
    return undefined;
  }
  if (!isHttpUrl(jwksUrl)) {
    reader.problem('GATEWAY_JWT_JWKS_URL', `expected an http(s) URL, got "${jwksUrl}"`);
  }
  const issuer = reader.string('GATEWAY_JWT_ISSUER');
  if (issuer === undefined) {
    reader.problem(
      'GATEWAY_JWT_ISSUER',
      'is required with GATEWAY_JWT_JWKS_URL (the "iss" to accept)',
    );
  }
  const audience = (reader.string('GATEWAY_JWT_AUDIENCE') ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  if (audience.length === 0) {
    reader.problem(
      'GATEWAY_JWT_AUDIENCE',
      'is required with GATEWAY_JWT_JWKS_URL (the "aud" value(s) that name this gateway, comma-separated)',
    );
  }
  const claim = (name: string, fallback?: string): string | undefined => {
    const value = reader.string(name) ?? fallback;
    if (value !== undefined && !CLAIM_PATH.test(value)) {
      reader.problem(
        name,
        `"${value}" is not a claim name (a dotted path like realm_access.roles)`,
      );
    }
    return value;
  };
  return {
    jwksUrl,
    issuer: issuer ?? '',
    audience,
    scopesClaim: claim('GATEWAY_JWT_SCOPES_CLAIM', 'scope') ?? 'scope',
    scopePrefix: reader.string('GATEWAY_JWT_SCOPE_PREFIX') ?? '',
    nameClaim: claim('GATEWAY_JWT_NAME_CLAIM', 'sub') ?? 'sub',
    profileClaim: claim('GATEWAY_JWT_PROFILE_CLAIM'),
    jwksTimeoutMs: reader.integer('GATEWAY_JWT_JWKS_TIMEOUT_MS', 5000, { min: 100, max: 60_000 }),
  };
}
