import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, PublicMarker } from 'src/common/access/public.decorator';
import { REQUIRED_SCOPE } from 'src/common/access/require-scope.decorator';
import { CallerScope, GatewayConfig } from 'src/config/gateway-config.type';

const READ_METHODS = new Set(['GET', 'HEAD']);

export const isReadMethod = (method: string): boolean => READ_METHODS.has(method.toUpperCase());

/** True for routes marked @Public() (on the handler or its controller), and /metrics unless configured. */
export function isPublicRoute(
  reflector: Reflector,
  context: ExecutionContext,
  config: Pick<GatewayConfig, 'metrics'>,
): boolean {
  const marker = reflector.getAllAndOverride<PublicMarker | undefined>(IS_PUBLIC, [
    context.getHandler(),
    context.getClass(),
  ]);
  return marker === true || (marker === 'metrics' && config.metrics.public);
}

/** The scope a route needs: its @RequireScope(), else `read` for GET/HEAD and `write` otherwise. */
export function requiredScope(
  reflector: Reflector,
  context: ExecutionContext,
  method: string,
): CallerScope {
  return (
    reflector.getAllAndOverride<CallerScope | undefined>(REQUIRED_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]) ?? (isReadMethod(method) ? 'read' : 'write')
  );
}
