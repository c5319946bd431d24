import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditActionFor, auditEntryFor } from 'src/audit/audit.interceptor';
import { AuditService } from 'src/audit/audit.service';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { CALLER_SCOPES, CallerScope, GatewayConfig } from 'src/config/gateway-config.type';
import { forbidden, MISSING_CREDENTIALS, unauthenticated } from './auth-errors.util';
import { Caller } from 'src/common/access/caller.type';
import { PASSPORT, PassportAuthenticator } from './passport.provider';
import { isPublicRoute, requiredScope } from 'src/common/access/route-access.util';
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
  constructor(
    private readonly reflector: Reflector,
    @Inject(PASSPORT) private readonly passport: PassportAuthenticator,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublicRoute(this.reflector, context, this.config)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const caller =
      this.config.auth.mode === 'off' ? ANONYMOUS : await this.authenticate(request, reply);
    request.caller = caller;
    const scope = requiredScope(this.reflector, context, request.method);
    if (!caller.scopes.includes(scope)) {
      this.recordRefusal(request, reply, scope);
      throw forbidden(caller.name, scope);
    }
    return true;
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

  /** A known caller refused on an audited route (write, token, admin) leaves an audit line. */
  private recordRefusal(request: FastifyRequest, reply: FastifyReply, scope: CallerScope): void {
    const action = auditActionFor(scope, request.method);
    if (action) {
      this.audit.record(
        auditEntryFor(request, action, scope, {
          status: 403,
          durationMs: Math.round(reply.elapsedTime),
        }),
      );
    }
  }
}

function firstReason(reasons: unknown): string | undefined {
  return (Array.isArray(reasons) ? reasons : [reasons]).find(
    (reason): reason is string => typeof reason === 'string' && reason.length > 0,
  );
}
