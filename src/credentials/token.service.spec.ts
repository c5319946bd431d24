import { Logger } from '@nestjs/common';
import { GatewayError } from 'src/common/errors/gateway-error';
import { CredentialProfile, GatewayConfig } from 'src/config/gateway-config.type';
import { FakeTokenEndpoint } from 'test/fakes/fake-token-endpoint';
import { TokenCacheRepository } from './token-cache.repository';
import { TokenEndpointClient } from './token-endpoint.client';
import { TokenService } from './token.service';

const profile: CredentialProfile = {
  name: 'default',
  tokenUrl: 'https://sso.example/as/token.oauth2',
  clientId: 'id',
  clientSecret: 'secret',
  authStyle: 'form',
  regions: ['us-west'],
};
const config = {
  credentials: { profiles: [profile], refreshSkewSeconds: 300 },
  upstream: { timeoutMs: 1000 },
} as GatewayConfig;

describe(TokenService.name, () => {
  let endpoint: FakeTokenEndpoint;
  let service: TokenService;
  let now: number;

  const at = (ms: number): void => {
    now = ms;
  };
  const settle = () => new Promise((resume) => setImmediate(resume));

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    endpoint = new FakeTokenEndpoint({ lifetimeSeconds: 3600 });
    // No Redis: the repository shares nothing, which is what a single replica without REDIS_URL does
    service = new TokenService(
      endpoint as unknown as TokenEndpointClient,
      new TokenCacheRepository(null, config),
      config,
    );
  });
  afterEach(() => jest.restoreAllMocks());

  it('asks once for any number of concurrent cold callers', async () => {
    endpoint.delayMs = 20;
    const tokens = await Promise.all(Array.from({ length: 500 }, () => service.getToken(profile)));
    expect(endpoint.calls).toBe(1);
    expect(new Set(tokens.map((token) => token.value)).size).toBe(1);
    expect(service.stats.callerWaits).toBe(500);
  });

  it('serves the cached token from memory while it is fresh', async () => {
    await service.getToken(profile);
    at(1_000_000 + 3_000_000); // 50 min of 60
    await service.getToken(profile);
    expect(endpoint.calls).toBe(1);
  });

  it('refreshes in the background in the advisory window; callers keep the current token', async () => {
    const first = await service.getToken(profile);
    at(1_000_000 + 3_300_000); // 55 min: inside the last 10% (6 min)
    const during = await service.getToken(profile);
    expect(during.value).toBe(first.value);
    await settle();
    expect(endpoint.calls).toBe(2);
    expect((await service.getToken(profile)).value).not.toBe(first.value);
    expect(service.stats.callerWaits).toBe(1); // only the cold start waited
  });

  it('makes callers wait for the new token in the mandatory window', async () => {
    const first = await service.getToken(profile);
    at(1_000_000 + 3_590_000); // 10 s left
    const next = await service.getToken(profile);
    expect(next.value).not.toBe(first.value);
    expect(endpoint.calls).toBe(2);
  });

  it('keeps serving the current token while the endpoint fails, until it expires', async () => {
    const first = await service.getToken(profile);
    endpoint.failWith = 'unavailable';
    at(1_000_000 + 3_590_000);
    expect((await service.getToken(profile)).value).toBe(first.value);
    at(1_000_000 + 3_600_000); // expired
    const error = await service
      .getToken(profile)
      .catch((caught: unknown) => caught as GatewayError);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      code: 'TOKEN_UNAVAILABLE',
      headers: { 'Retry-After': expect.stringMatching(/^\d+$/) },
    });
  });

  it('recovers without a restart once the endpoint is back', async () => {
    endpoint.failWith = 'unavailable';
    await expect(service.getToken(profile)).rejects.toMatchObject({ code: 'TOKEN_UNAVAILABLE' });
    // within the retry interval callers fail fast, without calling the endpoint again
    const calls = endpoint.calls;
    await expect(service.getToken(profile)).rejects.toMatchObject({ code: 'TOKEN_UNAVAILABLE' });
    expect(endpoint.calls).toBe(calls);
    endpoint.failWith = undefined;
    at(now + 1_500);
    await expect(service.getToken(profile)).resolves.toMatchObject({ profile: 'default' });
  });

  it('retries an unavailable endpoint up to three times per refresh, and a refusal not at all', async () => {
    endpoint.failWith = 'unavailable';
    await service.getToken(profile).catch(() => undefined);
    expect(endpoint.calls).toBe(3);
    endpoint.calls = 0;
    endpoint.failWith = 'rejected';
    at(now + 5_000);
    await expect(service.getToken(profile)).rejects.toMatchObject({ code: 'UPSTREAM_AUTH_FAILED' });
    expect(endpoint.calls).toBe(1);
  });

  it('invalidates only the current token', async () => {
    const first = await service.getToken(profile);
    await service.invalidate({ ...first, value: 'an-older-token' });
    expect((await service.getToken(profile)).value).toBe(first.value);
    await service.invalidate(first);
    expect((await service.getToken(profile)).value).not.toBe(first.value);
  });

  it('fetches a new token when minTtl asks for more life than is left', async () => {
    const first = await service.getToken(profile);
    at(1_000_000 + 1_800_000); // 30 min left
    expect((await service.getToken(profile, { minTtlMs: 1_000_000 })).value).toBe(first.value);
    const longer = await service.getToken(profile, { minTtlMs: 2_000_000 });
    expect(longer.value).not.toBe(first.value);
    expect(longer.expiresAt - now).toBe(3_600_000);
  });
});
