import { Controller, Get, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { FastifyRequest } from 'fastify';
import { Public } from 'src/common/decorators/public.decorator';
import { RequireScope } from 'src/common/decorators/require-scope.decorator';
import { GatewayError } from 'src/common/errors/gateway-error';
import { sha256Hex } from 'src/config/api-keys.parser';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { ApiKeyService } from './api-key.service';
import { CallerAuthGuard } from './caller-auth.guard';

@Controller()
class SampleController {
  @Get() read(): void {}
  @Post() write(): void {}
  @RequireScope('token') @Get('token') token(): void {}
  @Public() @Get('health') health(): void {}
}

function guardFor(auth: Partial<GatewayConfig['auth']>): CallerAuthGuard {
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
  } as GatewayConfig;
  return new CallerAuthGuard(new Reflector(), new ApiKeyService(config), config);
}

function contextFor(
  handler: keyof SampleController,
  method: string,
  headers: Record<string, string | string[]>,
) {
  const request = { method, headers } as unknown as FastifyRequest;
  const context = new ExecutionContextHost(
    [request, {}],
    SampleController,
    SampleController.prototype[handler],
  );
  return { request, context };
}

function errorOf(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected the guard to refuse');
}

describe(CallerAuthGuard.name, () => {
  const guard = guardFor({});

  it('lets a known key with the scope through and records the caller', () => {
    const { request, context } = contextFor('write', 'POST', { 'x-api-key': 'writer-key-1' });
    expect(guard.canActivate(context)).toBe(true);
    expect(request.caller).toEqual({
      name: 'writer',
      scopes: ['read', 'write'],
      profile: 'team-a',
      via: 'api-key',
    });
  });

  it('accepts the key as a bearer token', () => {
    const { context } = contextFor('read', 'GET', { authorization: 'Bearer reader-key-1' });
    expect(guard.canActivate(context)).toBe(true);
  });

  it.each([
    ['no key', {}, /Missing API key/],
    ['an unknown key', { 'x-api-key': 'nope-nope' }, /Unknown API key/],
    [
      'a malformed Authorization header',
      { authorization: 'Basic abc' },
      /Malformed Authorization header/,
    ],
    ['two X-API-Key headers', { 'x-api-key': ['a', 'b'] }, /one X-API-Key header/],
  ])('refuses %s with UNAUTHENTICATED and WWW-Authenticate', (_label, headers, message) => {
    const error = errorOf(() => guard.canActivate(contextFor('read', 'GET', headers).context));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(message);
    expect(error.headers?.['WWW-Authenticate']).toContain('X-API-Key');
  });

  it('refuses a key without the method scope, naming the scope', () => {
    const error = errorOf(() =>
      guard.canActivate(contextFor('write', 'POST', { 'x-api-key': 'reader-key-1' }).context),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('"write"');
  });

  it('honours @RequireScope over the method default', () => {
    const error = errorOf(() =>
      guard.canActivate(contextFor('token', 'GET', { 'x-api-key': 'reader-key-1' }).context),
    );
    expect(error.details).toEqual({ requiredScope: 'token' });
  });

  it('lets anyone reach @Public routes', () => {
    expect(guard.canActivate(contextFor('health', 'GET', {}).context)).toBe(true);
  });

  it('gives every scope to everyone when auth is off', () => {
    const { request, context } = contextFor('write', 'POST', {});
    expect(guardFor({ mode: 'off' }).canActivate(context)).toBe(true);
    expect(request.caller?.via).toBe('auth-off');
  });
});
