import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { CredentialProfile, GatewayConfig } from 'src/config/gateway-config.type';
import { AccessToken, tokenFingerprint } from './access-token.type';
import { TokenEndpointClient, TokenEndpointError } from './token-endpoint.client';

/** Access tokens per credential profile: cached until shortly before expiry, one fetch at a time. */
@Injectable()
export class TokenService {
  private readonly logger = new Logger(TokenService.name);
  private readonly cache = new Map<string, AccessToken>();
  private readonly inFlight = new Map<string, Promise<AccessToken>>();

  constructor(
    private readonly endpoint: TokenEndpointClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async getToken(profile: CredentialProfile): Promise<AccessToken> {
    const cached = this.cache.get(profile.name);
    if (cached && cached.expiresAt - this.skewMs(cached) > Date.now()) {
      return cached;
    }
    // One request per profile however many callers arrive while it runs
    let pending = this.inFlight.get(profile.name);
    if (!pending) {
      pending = this.fetch(profile).finally(() => this.inFlight.delete(profile.name));
      this.inFlight.set(profile.name, pending);
    }
    return pending;
  }

  /** Drops the token after GreenLake refused it, unless a newer one has already replaced it. */
  invalidate(token: AccessToken): void {
    if (this.cache.get(token.profile)?.value === token.value) {
      this.cache.delete(token.profile);
    }
  }

  private async fetch(profile: CredentialProfile): Promise<AccessToken> {
    try {
      const issued = await this.endpoint.requestToken(profile);
      const token = {
        value: issued.accessToken,
        expiresAt: Date.now() + issued.expiresInSeconds * 1000,
        profile: profile.name,
      };
      this.cache.set(profile.name, token);
      this.logger.log(
        `new token for profile ${profile.name} (fingerprint ${tokenFingerprint(token.value)}, expires in ${issued.expiresInSeconds}s)`,
      );
      return token;
    } catch (error) {
      throw toGatewayError(error, profile);
    }
  }

  // Never more than a tenth of the lifetime, so that short-lived tokens are still used
  private skewMs(token: AccessToken): number {
    return Math.min(
      this.config.credentials.refreshSkewSeconds * 1000,
      (token.expiresAt - Date.now()) / 10,
    );
  }
}

function toGatewayError(error: unknown, profile: CredentialProfile): GatewayError {
  if (error instanceof TokenEndpointError && error.kind === 'rejected') {
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_AUTH_FAILED,
      `GreenLake refused the gateway's credentials (profile "${profile.name}"); an operator must fix them`,
      {
        upstream: error.status === undefined ? undefined : { status: error.status },
      },
    );
  }
  const retryAfter = error instanceof TokenEndpointError ? (error.retryAfterSeconds ?? 5) : 5;
  return new GatewayError(
    GatewayErrorCode.TOKEN_UNAVAILABLE,
    `No GreenLake access token available for profile "${profile.name}"; retry later`,
    {
      headers: { 'Retry-After': String(retryAfter) },
      cause: error,
    },
  );
}
