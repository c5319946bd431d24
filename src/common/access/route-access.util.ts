import type { Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CallerScope, GatewayConfig } from 'src/config/gateway-config.type';
import { AUDITED_PER_CALL } from './audited-per-call.decorator';
import { IS_PUBLIC, PublicMarker } from './public.decorator';
import { REQUIRED_SCOPE } from './require-scope.decorator';

const READ_METHODS = new Set(['GET', 'HEAD']);

export const isReadMethod = (method: string): boolean => READ_METHODS.has(method.toUpperCase());

/** What kind of call an audit line records. */
export type AuditAction = 'write' | 'token' | 'admin';

/**
 * Who may call a route, read once from its decorators: the guard enforces it, the audit trail
 * records by it, and Swagger documents it, so the three can never disagree.
 */
export interface RouteAccess {
  /** @Public() routes, and /metrics unless GATEWAY_METRICS_PUBLIC=false. */
  public: boolean;
  /** The route's @RequireScope(), else `read` for GET/HEAD and `write` otherwise. */
  scope: CallerScope;
  /** The audit action of the route; undefined for reads (not audited) and @AuditedPerCall() routes. */
  audit?: AuditAction;
}

/** The controller and handler a route's access rules were read from. */
export interface RouteTarget {
  controller: Type<unknown>;
  // Nest's own type for a handler (ExecutionContext.getHandler())
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  handler: Function;
}

// The handler first, so that a method's decorator overrides its controller's
type Targets = Parameters<Reflector['getAllAndOverride']>[1];

/** The access rules of one route, from its handler and controller metadata. */
export function routeAccessOf(
  reflector: Reflector,
  targets: Targets,
  method: string,
  config: Pick<GatewayConfig, 'metrics'>,
): RouteAccess {
  const marker = reflector.getAllAndOverride<PublicMarker | undefined>(IS_PUBLIC, targets);
  const scope =
    reflector.getAllAndOverride<CallerScope | undefined>(REQUIRED_SCOPE, targets) ??
    (isReadMethod(method) ? 'read' : 'write');
  return {
    public: marker === true || (marker === 'metrics' && config.metrics.public),
    scope,
    audit: reflector.getAllAndOverride<boolean | undefined>(AUDITED_PER_CALL, targets)
      ? undefined
      : auditActionFor(scope, method),
  };
}

/** The audit action of a route, or undefined when it is not audited (reads). */
export function auditActionFor(scope: CallerScope, method: string): AuditAction | undefined {
  if (scope === 'token' || scope === 'admin') {
    return scope;
  }
  return isReadMethod(method) ? undefined : 'write';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the global guard before it authenticates; read by the audit hook. */
    routeAccess?: RouteAccess;
  }
}
