import { Controller, Get, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Test } from '@nestjs/testing';
import type { FastifyRequest } from 'fastify';
import { PublicMetrics, Public } from 'src/common/access/public.decorator';
import { RequireScope } from 'src/common/access/require-scope.decorator';
import { GatewayError } from 'src/common/errors/gateway-error';
import { sha256Hex } from 'src/config/api-keys.parser';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { ApiKeyService } from './api-key.service';
import { CallerAuthGuard } from './caller-auth.guard';
import { passportProvider } from './passport.provider';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { JwtStrategy } from './strategies/jwt.strategy';

@Controller()
class SampleController {
  @Get() read(): void {}
  @Post() write(): void {}
  @RequireScope('token') @Get('token') token(): void {}
  @Public() @Get('health') health(): void {}
  @PublicMetrics() @Get('metrics') metrics(): void {}
}

async function guardFor(
  auth: Partial<GatewayConfig['auth']> = {},
  metricsPublic = true,
): Promise<CallerAuthGuard> {
  const config = {
    auth: {
      mode: 'required',
      developmentKey: false,
      apiKeys: [
        { name: 'reader', keySha256: sha256Hex('reader-key-1'), scopes: ['read'] },
        {
          name: 'writer',
          keySha256: sha256Hex('writer-key-1'),
          scopes: ['read', 'write'],
          profile: 'team-a',
        },
      ],
      ...auth,
    },
    metrics: { public: metricsPublic },
  } as GatewayConfig;
  const moduleRef = await Test.createTestingModule({
    providers: [
      Reflector,
      ApiKeyService,
      ApiKeyStrategy,
      JwtStrategy,
      passportProvider,
      CallerAuthGuard,
      { provide: GATEWAY_CONFIG, useValue: config },
    ],
  }).compile();
  return moduleRef.get(CallerAuthGuard);
}

function contextFor(
  handler: keyof SampleController,
  method: string,
  headers: Record<string, string | string[]>,
) {
  const request = {
    method,
    headers,
    id: 'req-1',
    params: {},
    routeOptions: { url: `/${handler}` },
  } as unknown as FastifyRequest;
  const context = new ExecutionContextHost(
    [request, { elapsedTime: 3 }],
    SampleController,
    SampleController.prototype[handler],
  );
  return { request, context };
}

async function errorOf(run: () => Promise<unknown>): Promise<GatewayError> {
  try {
    await run();
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected the guard to refuse');
}

describe(CallerAuthGuard.name, () => {
  let guard: CallerAuthGuard;

  beforeAll(async () => {
    guard = await guardFor();
  });

  it('lets a known key with the scope through and records the caller', async () => {
    const { request, context } = contextFor('write', 'POST', { 'x-api-key': 'writer-key-1' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.caller).toEqual({
      name: 'writer',
      scopes: ['read', 'write'],
      profile: 'team-a',
      via: 'api-key',
    });
  });

  it('accepts the key as a bearer token', async () => {
    const { context } = contextFor('read', 'GET', { authorization: 'Bearer reader-key-1' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
  });

  it.each([
    ['no key', {}, /^Missing API key/],
    ['an empty X-API-Key', { 'x-api-key': '  ' }, /^Missing API key/],
    ['an unknown key', { 'x-api-key': 'nope-nope' }, /^Unknown API key$/],
    [
      'a malformed Authorization header',
      { authorization: 'Basic abc' },
      /^Malformed Authorization header/,
    ],
    ['two X-API-Key headers', { 'x-api-key': ['a', 'b'] }, /one X-API-Key header/],
    [
      'a JWT while JWT is not enabled',
      { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' },
      /^Unknown API key$/,
    ],
  ])('refuses %s with UNAUTHENTICATED and WWW-Authenticate', async (_label, headers, message) => {
    const error = await errorOf(() =>
      guard.canActivate(contextFor('read', 'GET', headers).context),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(message);
    expect(error.headers?.['WWW-Authenticate']).toContain('X-API-Key');
  });

  it('refuses a key without the method scope, naming the scope, and marks the refused write for the audit hook', async () => {
    const { request, context } = contextFor('write', 'POST', { 'x-api-key': 'reader-key-1' });
    const error = await errorOf(() => guard.canActivate(context));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('"write"');
    // The audit hook records the refusal once the 403 has gone out (test/e2e/audit.e2e-spec.ts)
    expect(request.caller?.name).toBe('reader');
    expect(request.routeAccess).toEqual({ public: false, scope: 'write', audit: 'write' });
  });

  it('marks a refused read as not audited', async () => {
    const guardWithoutRead = await guardFor({
      apiKeys: [{ name: 'tokens', keySha256: sha256Hex('token-key-1'), scopes: ['token'] }],
    });
    const { request, context } = contextFor('read', 'GET', { 'x-api-key': 'token-key-1' });
    await errorOf(() => guardWithoutRead.canActivate(context));
    expect(request.routeAccess?.audit).toBeUndefined();
  });

  it('honours @RequireScope over the method default', async () => {
    const error = await errorOf(() =>
      guard.canActivate(contextFor('token', 'GET', { 'x-api-key': 'reader-key-1' }).context),
    );
    expect(error.details).toEqual({ requiredScope: 'token' });
  });

  it('lets anyone reach @Public routes', async () => {
    await expect(guard.canActivate(contextFor('health', 'GET', {}).context)).resolves.toBe(true);
  });

  it('keeps /metrics public by default, and asks for the admin scope when configured so', async () => {
    await expect(guard.canActivate(contextFor('metrics', 'GET', {}).context)).resolves.toBe(true);
    const closed = await guardFor({}, false);
    expect(
      (await errorOf(() => closed.canActivate(contextFor('metrics', 'GET', {}).context))).code,
    ).toBe('UNAUTHENTICATED');
    const forbidden = await errorOf(() =>
      closed.canActivate(contextFor('metrics', 'GET', { 'x-api-key': 'reader-key-1' }).context),
    );
    expect(forbidden.details).toEqual({ requiredScope: 'admin' });
  });

  it('gives every scope to everyone when auth is off', async () => {
    const { request, context } = contextFor('write', 'POST', {});
    await expect((await guardFor({ mode: 'off' })).canActivate(context)).resolves.toBe(true);
    expect(request.caller?.via).toBe('auth-off');
  });
});
