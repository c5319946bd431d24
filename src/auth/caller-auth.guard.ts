import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { CALLER_SCOPES, GatewayConfig } from 'src/config/gateway-config.type';
import { forbidden, MISSING_CREDENTIALS, unauthenticated } from './auth-errors.util';
import { Caller } from 'src/common/access/caller.type';
import { PASSPORT, PassportAuthenticator } from './passport.provider';
import { RouteAccess, routeAccessOf, RouteTarget } from 'src/common/access/route-access.util';
import { API_KEY_STRATEGY } from './strategies/api-key.strategy';
import { JWT_STRATEGY } from './strategies/jwt.strategy';

const ANONYMOUS: Caller = { name: 'anonymous', scopes: CALLER_SCOPES, via: 'auth-off' };
// Each strategy declines what is not its kind, so the first reason given is the specific one
const STRATEGIES = [API_KEY_STRATEGY, JWT_STRATEGY];

/**
 * Global guard: every route needs an authenticated caller with the route's scope unless it is
 * @Public(). Sets `request.caller`, which the rate limiter, the audit trail and the handlers read.
 */
@Injectable()
export class CallerAuthGuard implements CanActivate {
  private readonly accessByHandler = new WeakMap<object, Map<string, RouteAccess>>();
  private readonly targets = new WeakMap<RouteAccess, RouteTarget>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(PASSPORT) private readonly passport: PassportAuthenticator,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const access = this.accessOf(context, request.method);
    // Kept on the request for the audit hook, which also records refusals
    request.routeAccess = access;
    if (access.public) {
      return true;
    }
    const caller =
      this.config.auth.mode === 'off' ? ANONYMOUS : await this.authenticate(request, reply);
    request.caller = caller;
    if (!caller.scopes.includes(access.scope)) {
      throw forbidden(caller.name, access.scope);
    }
    return true;
  }

  /**
   * The controller and handler whose rules `access` is (the request's `routeAccess`): what the hit
   * shortcut runs this guard with again for the same route.
   */
  routeTargetOf(access: RouteAccess | undefined): RouteTarget | undefined {
    return access && this.targets.get(access);
  }

  /** A route's access rules never change: read from its decorators once per handler and method. */
  private accessOf(context: ExecutionContext, method: string): RouteAccess {
    const handler = context.getHandler();
    let byMethod = this.accessByHandler.get(handler);
    if (!byMethod) {
      byMethod = new Map();
      this.accessByHandler.set(handler, byMethod);
    }
    let access = byMethod.get(method);
    if (!access) {
      const controller = context.getClass();
      access = routeAccessOf(this.reflector, [handler, controller], method, this.config);
      byMethod.set(method, access);
      this.targets.set(access, { controller, handler });
    }
    return access;
  }

  private authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Caller> {
    return new Promise<Caller>((resolve, reject) => {
      const middleware = this.passport.authenticate(
        STRATEGIES,
        { session: false },
        (error: unknown, caller?: Caller | false, reasons?: unknown) => {
          if (error) {
            reject(error instanceof Error ? error : new Error('Authentication failed'));
          } else if (caller) {
            resolve(caller);
          } else {
            reject(unauthenticated(firstReason(reasons) ?? MISSING_CREDENTIALS));
          }
        },
      ) as (request: unknown, reply: unknown, next: (error?: unknown) => void) => void;
      middleware(request, reply, (error) =>
        reject(error instanceof Error ? error : unauthenticated(MISSING_CREDENTIALS)),
      );
    });
  }
}

function firstReason(reasons: unknown): string | undefined {
  return (Array.isArray(reasons) ? reasons : [reasons]).find(
    (reason): reason is string => typeof reason === 'string' && reason.length > 0,
  );
}
