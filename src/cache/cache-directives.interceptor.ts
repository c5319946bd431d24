import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { CallCacheContext } from './call-cache-context.service';
import { wantsRefresh } from './etag.util';

/**
 * Hands the caller's cache directives (`Cache-Control: no-cache`) down to the clients, through the
 * request's resolved call. An interceptor, because it runs after the guard that resolves the call.
 */
@Injectable()
export class CacheDirectivesInterceptor implements NestInterceptor {
  constructor(private readonly context: CallCacheContext) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() === 'http') {
      const request = execution.switchToHttp().getRequest<FastifyRequest>();
      const call = request.upstreamCall;
      if (call && (request.method === 'GET' || request.method === 'HEAD')) {
        this.context.begin(call, wantsRefresh(request.headers));
      }
    }
    return next.handle();
  }
}
