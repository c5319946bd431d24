import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { unauthenticated } from 'src/auth/auth-errors.util';
import { Caller } from 'src/common/access/caller.type';
import { callerFromClaims } from 'src/auth/jwt-claims.mapper';
import { toJwtError } from 'src/auth/jwt-error.mapper';
import { looksLikeJwt, presentedCredential } from 'src/auth/presented-credential.util';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig, JwtAuthConfig } from 'src/config/gateway-config.type';
import { CredentialStrategy, Extracted } from './credential.strategy';

export const JWT_STRATEGY = 'jwt';

// Asymmetric only: a JWKS publishes public keys, and "none" or HMAC must never pass
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
const CLOCK_TOLERANCE_SECONDS = 30;
// Keys are cached this long, and refetched at most every 30 s when a token names an unknown kid
const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;
const JWKS_COOLDOWN_MS = 30_000;

/** Callers with a JWT from the company's identity provider (`Authorization: Bearer <jwt>`). */
@Injectable()
export class JwtStrategy extends CredentialStrategy {
  readonly name = JWT_STRATEGY;
  protected readonly rejectMessage = 'Invalid bearer token';
  private readonly logger = new Logger(JwtStrategy.name);
  private readonly jwt?: JwtAuthConfig;
  private readonly keys?: JWTVerifyGetKey;
  private keysUnavailable = false;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    super();
    this.jwt = config.auth.jwt;
    this.keys =
      this.jwt &&
      createRemoteJWKSet(new URL(this.jwt.jwksUrl), {
        timeoutDuration: this.jwt.jwksTimeoutMs,
        cooldownDuration: JWKS_COOLDOWN_MS,
        cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
      });
  }

  protected extract(headers: IncomingHttpHeaders): Extracted {
    const presented = presentedCredential(headers);
    return this.jwt && presented?.source === 'bearer' && looksLikeJwt(presented.value)
      ? { credential: presented.value }
      : {};
  }

  protected async validate(token: string): Promise<Caller> {
    if (!this.jwt || !this.keys) {
      throw unauthenticated('JWT bearer tokens are not enabled on this gateway');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.jwt.issuer,
        audience: this.jwt.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw this.reported(toJwtError(error), error);
    }
    this.keysUnavailable = false;
    const caller = callerFromClaims(payload, this.jwt);
    if (typeof caller === 'string') {
      throw unauthenticated(caller);
    }
    return caller;
  }

  private reported(mapped: GatewayError, cause: unknown): GatewayError {
    // One warning per outage, not one per request; the reason, never the token
    if (mapped.code === GatewayErrorCode.AUTH_PROVIDER_UNAVAILABLE && !this.keysUnavailable) {
      this.keysUnavailable = true;
      this.logger.warn(
        `Cannot fetch the JWKS at ${this.jwt?.jwksUrl}: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
    return mapped;
  }
}
