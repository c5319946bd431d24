import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { CredentialProfile, GatewayConfig } from 'src/config/gateway-config.type';
import { GatewayMetrics } from 'src/metrics/gateway-metrics.service';
import { AccessToken, tokenFingerprint } from './access-token.type';
import { TokenCacheRepository } from './token-cache.repository';
import { TokenEndpointClient, TokenEndpointError } from './token-endpoint.client';
import { RegionRefusals } from './region-refusals';
import { advisoryWindowMs, tokenPhase } from './token-windows';

export interface TokenRequestOptions {
  /** The token must still live this long; a new one is fetched when the current one would not. */
  minTtlMs?: number;
}

/** Counters for tests, the readiness check and the closing notes. */
export interface TokenStats {
  /** Calls to a token endpoint (each try counts). */
  endpointRequests: number;
  /** Tokens taken from Redis instead of asking the endpoint (another replica, or a restart). */
  adoptedFromStore: number;
  /** Callers that had to wait for a token (cold start, expiry, minTtl): none in steady state. */
  callerWaits: number;
}

interface ProfileState {
  current?: AccessToken;
  refreshing?: Promise<AccessToken>;
  /** Consecutive failed refreshes, for the background backoff. */
  failures: number;
  lastFailureAt: number;
  /** No background refresh before this time (jittered exponential backoff after failures). */
  backgroundNotBefore: number;
  /** Tokens GreenLake refused: never adopted again from Redis. */
  refused: Set<string>;
  configErrorReported: boolean;
}

// A caller with no usable token may trigger at most one fetch a second per profile and replica
const CALLER_RETRY_INTERVAL_MS = 1_000;
const BACKGROUND_BACKOFF_MAX_MS = 30_000;
const ENDPOINT_TRIES = 3;
const LOCK_POLL_MS = 25;

/**
 * GreenLake access tokens per credential profile. One token request per profile per refresh,
 * however many callers and replicas: an in-process single flight, plus a Redis lock so that replicas
 * sharing a Redis take the token one of them fetched. The hot path is a memory read.
 */
@Injectable()
export class TokenService implements OnApplicationShutdown {
  private readonly logger = new Logger(TokenService.name);
  private readonly states = new Map<string, ProfileState>();
  private readonly skewMs: number;
  private readonly lockTtlMs: number;
  /** One deadline for a whole fetch, every try included; also the longest wait for another's refresh. */
  private readonly fetchDeadlineMs: number;
  /** Regions refusing even fresh tokens: see RegionRefusals (UpstreamClient reports them). */
  readonly regionRefusals = new RegionRefusals();
  readonly stats: TokenStats = { endpointRequests: 0, adoptedFromStore: 0, callerWaits: 0 };

  constructor(
    private readonly endpoint: TokenEndpointClient,
    private readonly store: TokenCacheRepository,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    // Optional so that unit specs can build the service without metrics
    @Optional() private readonly metrics?: GatewayMetrics,
  ) {
    this.skewMs = config.credentials.refreshSkewSeconds * 1000;
    // The token endpoint's own timeout bounds a whole fetch (a silent endpoint held the first
    // caller 3 tries × the timeout before), and so every wait for someone else's refresh (a lock left
    // behind by a Redis freeze or a killed replica held callers for the lock's whole TTL)
    this.fetchDeadlineMs = config.upstream.timeoutMs;
    // Long enough for one fetch; a crashed owner frees it after that
    this.lockTtlMs = this.fetchDeadlineMs + 2_000;
  }

  async getToken(
    profile: CredentialProfile,
    options: TokenRequestOptions = {},
  ): Promise<AccessToken> {
    const state = this.stateFor(profile.name);
    const token = state.current;
    const now = Date.now();
    const minTtlMs = options.minTtlMs ?? 0;
    if (token && token.expiresAt - now > minTtlMs) {
      switch (tokenPhase(token, now, this.skewMs)) {
        case 'fresh':
          return token;
        case 'advisory':
          this.refreshInBackground(profile, state);
          return token;
        case 'mandatory':
          return this.refreshOrKeep(profile, state, token);
        case 'expired':
          break;
      }
    }
    this.stats.callerWaits++;
    return this.refreshForCaller(profile, state, minTtlMs);
  }

  /** Drops a token GreenLake refused, unless a newer one (maybe from another replica) replaced it. */
  async invalidate(token: AccessToken): Promise<void> {
    const state = this.stateFor(token.profile);
    rememberRefused(state.refused, tokenFingerprint(token.value));
    if (state.current?.value === token.value) {
      state.current = undefined;
    }
    await this.store.deleteIfCurrent(token);
  }

  /** Operator action: forget the current token and fetch a new one now. */
  async forceRefresh(profile: CredentialProfile): Promise<AccessToken> {
    const state = this.stateFor(profile.name);
    if (state.current) {
      await this.invalidate(state.current);
    }
    return this.refreshForCaller(profile, state, 0);
  }

  // After the HTTP server has closed, so that requests still in flight keep their token
  onApplicationShutdown(): void {
    this.states.clear();
  }

  private async refreshForCaller(
    profile: CredentialProfile,
    state: ProfileState,
    minTtlMs: number,
  ): Promise<AccessToken> {
    const sinceFailure = Date.now() - state.lastFailureAt;
    if (!state.refreshing && sinceFailure < CALLER_RETRY_INTERVAL_MS) {
      throw tokenUnavailable(profile, CALLER_RETRY_INTERVAL_MS - sinceFailure);
    }
    let token = await this.refresh(profile, state, minTtlMs);
    if (token.expiresAt - Date.now() < minTtlMs) {
      // The refresh we joined was not asked for that much life: ask once more, for us
      token = await this.refresh(profile, state, minTtlMs);
    }
    return token;
  }

  private async refreshOrKeep(
    profile: CredentialProfile,
    state: ProfileState,
    token: AccessToken,
  ): Promise<AccessToken> {
    if (!state.refreshing && Date.now() < state.backgroundNotBefore) {
      return token;
    }
    this.stats.callerWaits++;
    try {
      return await this.refresh(profile, state, 0);
    } catch (error) {
      // The endpoint failed, but the token has not expired yet: keep serving it
      if (token.expiresAt > Date.now()) {
        return token;
      }
      throw error;
    }
  }

  private refreshInBackground(profile: CredentialProfile, state: ProfileState): void {
    if (!state.refreshing && Date.now() >= state.backgroundNotBefore) {
      this.refresh(profile, state, 0).catch(() => undefined); // failures are recorded and logged in refresh()
    }
  }

  private refresh(
    profile: CredentialProfile,
    state: ProfileState,
    minTtlMs: number,
  ): Promise<AccessToken> {
    if (!state.refreshing) {
      state.refreshing = this.obtain(profile, state, minTtlMs)
        .then(
          (token) => this.recordSuccess(profile, state, token),
          (error: unknown) => {
            throw this.recordFailure(profile, state, error);
          },
        )
        .finally(() => {
          state.refreshing = undefined;
        });
    }
    return state.refreshing;
  }

  /** A token from Redis when another replica already has a good one, else from the endpoint under the lock. */
  private async obtain(
    profile: CredentialProfile,
    state: ProfileState,
    minTtlMs: number,
  ): Promise<AccessToken> {
    const adoptable = (token: AccessToken | undefined): token is AccessToken =>
      token !== undefined &&
      !state.refused.has(tokenFingerprint(token.value)) &&
      token.expiresAt - Date.now() > Math.max(minTtlMs, advisoryWindowMs(token, this.skewMs));
    const adopt = (token: AccessToken): AccessToken => {
      this.stats.adoptedFromStore++;
      return token;
    };
    if (!this.store.shared) {
      return this.fetch(profile);
    }
    const stored = await this.store.read(profile);
    if (adoptable(stored)) {
      return adopt(stored);
    }
    const lock = await this.store.acquireLock(profile.name, this.lockTtlMs);
    if (lock.kind === 'acquired') {
      try {
        const again = await this.store.read(profile);
        if (adoptable(again)) {
          return adopt(again);
        }
        const token = await this.fetch(profile);
        await this.store.write(profile, token);
        return token;
      } finally {
        await this.store.releaseLock(profile.name, lock.owner);
      }
    }
    if (lock.kind === 'busy') {
      const deadline = Date.now() + this.fetchDeadlineMs;
      while (Date.now() < deadline) {
        await sleep(LOCK_POLL_MS);
        const fetchedElsewhere = await this.store.read(profile);
        if (adoptable(fetchedElsewhere)) {
          return adopt(fetchedElsewhere);
        }
        if ((await this.store.lockHeld(profile.name)) !== true) {
          break; // the other replica gave up (or Redis went away): fetch it ourselves
        }
      }
    }
    return this.fetch(profile);
  }

  /** The endpoint, retried quickly with jitter when it is unavailable; a refusal is not retried. */
  private async fetch(profile: CredentialProfile): Promise<AccessToken> {
    const deadline = Date.now() + this.fetchDeadlineMs;
    for (let attempt = 1; ; attempt++) {
      this.stats.endpointRequests++;
      const issuedAt = Date.now();
      try {
        const issued = await this.endpoint
          .requestToken(profile, Math.max(1, deadline - issuedAt))
          .catch((error: unknown) => {
            this.metrics?.tokenRequest(profile.name, 'failure');
            throw error;
          });
        this.metrics?.tokenRequest(profile.name, 'success');
        return {
          value: issued.accessToken,
          profile: profile.name,
          issuedAt,
          expiresAt: issuedAt + issued.expiresInSeconds * 1000,
        };
      } catch (error) {
        const retryable = error instanceof TokenEndpointError && error.kind === 'unavailable';
        const pauseMs = jitter(100 * 2 ** attempt);
        if (!retryable || attempt >= ENDPOINT_TRIES || Date.now() + pauseMs >= deadline) {
          throw error;
        }
        await sleep(pauseMs);
      }
    }
  }

  private recordSuccess(
    profile: CredentialProfile,
    state: ProfileState,
    token: AccessToken,
  ): AccessToken {
    state.current = token;
    state.failures = 0;
    state.lastFailureAt = 0;
    state.backgroundNotBefore = 0;
    state.configErrorReported = false;
    this.metrics?.tokenExpiresAt(profile.name, token.expiresAt);
    const lifetime = Math.round((token.expiresAt - token.issuedAt) / 1000);
    this.logger.log(
      `token for profile ${profile.name} ready (fingerprint ${tokenFingerprint(token.value)}, lifetime ${lifetime}s)`,
    );
    return token;
  }

  private recordFailure(
    profile: CredentialProfile,
    state: ProfileState,
    error: unknown,
  ): GatewayError {
    state.failures++;
    state.lastFailureAt = Date.now();
    state.backgroundNotBefore =
      Date.now() + jitter(Math.min(BACKGROUND_BACKOFF_MAX_MS, 1_000 * 2 ** (state.failures - 1)));
    if (error instanceof TokenEndpointError && error.kind === 'rejected') {
      if (!state.configErrorReported) {
        state.configErrorReported = true;
        this.logger.error(
          `CONFIGURATION ERROR: the token endpoint of profile "${profile.name}" refused its client credentials (HTTP ${error.status}). ` +
            'Check the client id, secret and token URL; calls for this profile fail with 502 UPSTREAM_AUTH_FAILED until then.',
        );
      }
      return new GatewayError(
        GatewayErrorCode.UPSTREAM_AUTH_FAILED,
        `GreenLake refused the gateway's credentials (profile "${profile.name}"); an operator must fix them`,
        {
          upstream: error.status === undefined ? undefined : { status: error.status },
        },
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      `token refresh for profile ${profile.name} failed (${message}); ${state.current ? 'still serving the current token' : 'no token to serve'}`,
    );
    const retryAfterMs =
      error instanceof TokenEndpointError && error.retryAfterSeconds
        ? error.retryAfterSeconds * 1000
        : CALLER_RETRY_INTERVAL_MS;
    return tokenUnavailable(profile, retryAfterMs);
  }

  private stateFor(profile: string): ProfileState {
    let state = this.states.get(profile);
    if (!state) {
      state = {
        failures: 0,
        lastFailureAt: 0,
        backgroundNotBefore: 0,
        refused: new Set(),
        configErrorReported: false,
      };
      this.states.set(profile, state);
    }
    return state;
  }
}

function tokenUnavailable(profile: CredentialProfile, retryAfterMs: number): GatewayError {
  return new GatewayError(
    GatewayErrorCode.TOKEN_UNAVAILABLE,
    `No GreenLake access token available for profile "${profile.name}": the token endpoint is failing; retry later`,
    {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
    },
  );
}

const REFUSED_REMEMBERED = 16;

function rememberRefused(refused: Set<string>, fingerprint: string): void {
  refused.add(fingerprint);
  if (refused.size > REFUSED_REMEMBERED) {
    refused.delete(refused.values().next().value as string);
  }
}

const jitter = (ms: number): number => ms * (0.5 + Math.random());
const sleep = (ms: number): Promise<void> => new Promise((resume) => setTimeout(resume, ms));
