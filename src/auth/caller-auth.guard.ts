import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from 'src/common/decorators/public.decorator';
import { REQUIRED_SCOPE } from 'src/common/decorators/require-scope.decorator';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { CALLER_SCOPES, CallerScope, GatewayConfig } from 'src/config/gateway-config.type';
import { ApiKeyService } from './api-key.service';
import { Caller } from './caller.type';

const WWW_AUTHENTICATE = 'ApiKey header="X-API-Key", Bearer realm="greenlake-gateway"';
const READ_METHODS = new Set(['GET', 'HEAD']);

/** Global guard: every route needs a known key with the route's scope unless it is @Public(). */
@Injectable()
export class CallerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = this.authenticate(request);
    const scope =
      this.reflector.getAllAndOverride<CallerScope | undefined>(REQUIRED_SCOPE, targets) ??
      (READ_METHODS.has(request.method) ? 'read' : 'write');
    if (!caller.scopes.includes(scope)) {
      throw new GatewayError(
        GatewayErrorCode.FORBIDDEN,
        `Caller "${caller.name}" lacks the "${scope}" scope this route needs`,
        {
          details: { requiredScope: scope },
        },
      );
    }
    request.caller = caller;
    return true;
  }

  private authenticate(request: FastifyRequest): Caller {
    if (this.config.auth.mode === 'off') {
      return { name: 'anonymous', scopes: CALLER_SCOPES, via: 'auth-off' };
    }
    const key = presentedKey(request);
    const entry = key === undefined ? undefined : this.apiKeys.findByKey(key);
    if (!entry) {
      throw unauthenticated(
        key === undefined
          ? 'Missing API key: send X-API-Key: <key> (or Authorization: Bearer <key>)'
          : 'Unknown API key',
      );
    }
    return { name: entry.name, scopes: entry.scopes, profile: entry.profile, via: 'api-key' };
  }
}

function presentedKey(request: FastifyRequest): string | undefined {
  const apiKey = request.headers['x-api-key'];
  if (Array.isArray(apiKey)) {
    throw unauthenticated('Send one X-API-Key header, not several');
  }
  if (apiKey !== undefined) {
    return apiKey.trim() || undefined;
  }
  const authorization = request.headers.authorization;
  if (authorization === undefined) {
    return undefined;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) {
    throw unauthenticated('Malformed Authorization header: expected "Bearer <key>"');
  }
  return match[1];
}

const unauthenticated = (message: string): GatewayError =>
  new GatewayError(GatewayErrorCode.UNAUTHENTICATED, message, {
    headers: { 'WWW-Authenticate': WWW_AUTHENTICATE },
  });
