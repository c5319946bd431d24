import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { isReadMethod, requiredScope } from 'src/common/access/route-access.util';
import { CallerScope } from 'src/config/gateway-config.type';
import { AuditAction, AuditEntry } from './audit-entry.type';
import { AuditService } from './audit.service';

/** The status nginx and others use when the caller closed the connection before the answer. */
export const CLIENT_CLOSED_REQUEST = 499;

/** The audit action of a route, or undefined when it is not audited (reads). */
export function auditActionFor(scope: CallerScope, method: string): AuditAction | undefined {
  if (scope === 'token' || scope === 'admin') {
    return scope;
  }
  return isReadMethod(method) ? undefined : 'write';
}

/**
 * Records every write, token issue and admin call once its answer has gone out, failures
 * included: the status is the one the caller got, whether from the handler or the error filter.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const caller = request.caller;
    if (!caller) {
      // Public routes have no caller and are never audited
      return next.handle();
    }
    const scope = requiredScope(this.reflector, context, request.method);
    const action = auditActionFor(scope, request.method);
    if (action) {
      reply.raw.once('close', () => {
        this.audit.record(
          auditEntryFor(request, action, scope, {
            status: reply.raw.writableFinished ? reply.statusCode : CLIENT_CLOSED_REQUEST,
            durationMs: Math.round(reply.elapsedTime),
          }),
        );
      });
    }
    return next.handle();
  }
}

/** The audit line of a request: route template, region and the handler's enrichment, never a body. */
export function auditEntryFor(
  request: FastifyRequest,
  action: AuditAction,
  scope: CallerScope,
  outcome: Pick<AuditEntry, 'status' | 'durationMs'>,
): AuditEntry {
  const enriched = request.auditContext ?? {};
  const params = (request.params ?? {}) as Record<string, unknown>;
  const caller = request.caller;
  return {
    action,
    caller: caller?.name ?? 'unknown',
    via: caller?.via,
    scope,
    method: request.method,
    route: request.routeOptions.url ?? 'unmatched route',
    region: enriched.region ?? (typeof params.region === 'string' ? params.region : undefined),
    profile: enriched.profile ?? caller?.profile,
    upstreamStatus: enriched.upstreamStatus,
    ...outcome,
    requestId: request.id,
    tokenExpiresAt: enriched.tokenExpiresAt,
    tokenFingerprint: enriched.tokenFingerprint,
  };
}
