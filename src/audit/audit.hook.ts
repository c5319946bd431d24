import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction } from 'src/common/access/route-access.util';
import { CallerScope } from 'src/config/gateway-config.type';
import { AuditEntry } from './audit-entry.type';
import { AuditService } from './audit.service';

/** The status nginx and others use when the caller closed the connection before the answer. */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * Records every write, token issue and admin call once its answer has gone out, whatever produced
 * it: the handler, the error filter, a guard's refusal, or the caller going away (499). A Fastify
 * hook rather than a Nest interceptor, because interceptors never see what the guards refuse.
 */
@Injectable()
export class AuditHook {
  constructor(private readonly audit: AuditService) {}

  register(fastify: FastifyInstance): void {
    fastify.addHook(
      'onRequest',
      (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
        reply.raw.once('close', () => this.recordIfAudited(request, reply));
        done();
      },
    );
  }

  private recordIfAudited(request: FastifyRequest, reply: FastifyReply): void {
    const access = request.routeAccess;
    // Public routes and unauthenticated requests have no caller and are never audited
    if (!request.caller || !access?.audit) {
      return;
    }
    this.audit.record(
      auditEntryFor(request, access.audit, access.scope, {
        status: reply.raw.writableFinished ? reply.statusCode : CLIENT_CLOSED_REQUEST,
        durationMs: Math.round(reply.elapsedTime),
      }),
    );
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
  const call = request.upstreamCall;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const caller = request.caller;
  return {
    action,
    caller: caller?.name ?? 'unknown',
    via: caller?.via,
    scope,
    method: request.method,
    route: request.routeOptions.url ?? 'unmatched route',
    region:
      enriched.region ??
      call?.region.name ??
      (typeof params.region === 'string' ? params.region : undefined),
    profile: enriched.profile ?? call?.profile.name ?? caller?.profile,
    upstreamStatus: enriched.upstreamStatus,
    ...outcome,
    requestId: request.id,
    tokenExpiresAt: enriched.tokenExpiresAt,
    tokenFingerprint: enriched.tokenFingerprint,
  };
}
