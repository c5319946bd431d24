import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { USER_AGENT } from 'src/common/app-version';
import { classifyTransportError, retryAfterSeconds } from 'src/common/http/transport-error.util';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { CredentialProfile, GatewayConfig } from 'src/config/gateway-config.type';

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** Why the token endpoint gave no token: our credentials were refused, or it was not reachable. */
export class TokenEndpointError extends Error {
  constructor(
    readonly kind: 'rejected' | 'unavailable',
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'TokenEndpointError';
  }
}

// When an issuer omits expires_in we assume GreenLake's 15-minute platform lifetime (README, Tokens)
const FALLBACK_LIFETIME_SECONDS = 900;

/** The OAuth2 client-credentials grant against a profile's token URL. Never logs the secret or the token. */
@Injectable()
export class TokenEndpointClient {
  private readonly logger = new Logger(TokenEndpointClient.name);
  /** Profiles whose issuer was seen omitting expires_in: said once each, not on every refresh. */
  private readonly assumedLifetime = new Set<string>();

  constructor(
    private readonly http: HttpService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** `timeoutMs` (default UPSTREAM_TIMEOUT_MS): what is left of the caller's deadline. */
  async requestToken(profile: CredentialProfile, timeoutMs?: number): Promise<IssuedToken> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      'User-Agent': USER_AGENT,
    };
    if (profile.authStyle === 'basic') {
      // RFC 6749 §2.3.1: each part is form-encoded before the Basic encoding
      const pair = `${encodeURIComponent(profile.clientId)}:${encodeURIComponent(profile.clientSecret)}`;
      headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    } else {
      form.set('client_id', profile.clientId);
      form.set('client_secret', profile.clientSecret);
    }
    let response;
    try {
      response = await firstValueFrom(
        this.http.post<unknown>(profile.tokenUrl, form.toString(), {
          headers,
          timeout: timeoutMs ?? this.config.upstream.timeoutMs,
          maxRedirects: 0,
          validateStatus: () => true,
        }),
      );
    } catch (error) {
      const failure = classifyTransportError(error) ?? 'unavailable';
      throw new TokenEndpointError(
        'unavailable',
        `token endpoint of profile "${profile.name}" ${failure === 'timeout' ? 'timed out' : 'is unreachable'}`,
      );
    }
    const { status, data } = response;
    if (status === 200) {
      const issued = parseTokenResponse(data, profile.name);
      if (!hasExpiresIn(data) && !this.assumedLifetime.has(profile.name)) {
        this.assumedLifetime.add(profile.name);
        this.logger.warn(
          `token endpoint of profile "${profile.name}" gave no expires_in; assuming ${FALLBACK_LIFETIME_SECONDS} s (GreenLake's 15-minute platform lifetime)`,
        );
      }
      return issued;
    }
    const retryAfter = retryAfterSeconds(response.headers);
    if (status === 429 || status >= 500) {
      throw new TokenEndpointError(
        'unavailable',
        `token endpoint of profile "${profile.name}" answered ${status}`,
        status,
        retryAfter,
      );
    }
    throw new TokenEndpointError(
      'rejected',
      `token endpoint refused the client credentials of profile "${profile.name}" (${status})`,
      status,
    );
  }
}

function parseTokenResponse(data: unknown, profileName: string): IssuedToken {
  const body = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (typeof body.access_token !== 'string' || body.access_token.length === 0) {
    throw new TokenEndpointError(
      'unavailable',
      `token endpoint of profile "${profileName}" answered 200 without an access_token`,
      200,
    );
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    expiresInSeconds:
      Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : FALLBACK_LIFETIME_SECONDS,
  };
}

function hasExpiresIn(data: unknown): boolean {
  const expiresIn = Number((data as { expires_in?: unknown } | null)?.expires_in);
  return Number.isFinite(expiresIn) && expiresIn > 0;
}
