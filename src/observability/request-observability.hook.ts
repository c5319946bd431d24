import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  RequestContext,
  runInRequestContext,
  UpstreamOutcome,
} from 'src/common/request-context/request-context';
import type { TraceContext } from 'src/common/request-context/trace-context.util';
import { GatewayMetrics, UNMATCHED_ROUTE } from 'src/metrics/gateway-metrics.service';
import { ServerSpan, SpanTracer } from 'src/tracing/span-tracer.service';

/** The status nginx and others use when the caller closed the connection before the answer. */
const CLIENT_CLOSED_REQUEST = 499;

/**
 * The first hook of every request: its context (request id, W3C trace, a logger bound to both) is
 * set for all the code that serves it, and once the answer is out (or the caller went away) it
 * writes the request's one access line and its HTTP metrics. A Fastify hook, so that guard
 * refusals, router errors and 404s are logged and counted like everything else.
 */
@Injectable()
export class RequestObservabilityHook {
  constructor(
    private readonly metrics: GatewayMetrics,
    private readonly tracer: SpanTracer,
  ) {}

  register(fastify: FastifyInstance, root: Logger): void {
    const access = root.child({ context: 'Access' });
    fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
      const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
      const span = this.tracer.startServer(
        request.headers.traceparent,
        `${request.method} ${route}`,
      );
      const context = new LiveRequestContext(request.id, route, span.trace, root);
      request.requestContext = context;
      reply.raw.once('close', () => this.record(access, request, reply, context, span));
      runInRequestContext(context, done);
    });
    // Body parsing leaves the async context of onRequest: enter it again before guards and handler
    fastify.addHook('preValidation', (request: FastifyRequest, _reply, done) => {
      const context = request.requestContext;
      if (context) {
        runInRequestContext(context, done);
      } else {
        done();
      }
    });
  }

  private record(
    access: Logger,
    request: FastifyRequest,
    reply: FastifyReply,
    context: RequestContext,
    span: ServerSpan,
  ): void {
    const status = reply.raw.writableFinished ? reply.statusCode : CLIENT_CLOSED_REQUEST;
    const durationMs = Math.round(reply.elapsedTime * 10) / 10;
    span.end(status, {
      'http.request.method': request.method,
      'http.route': context.route,
      'gateway.request_id': context.requestId,
    });
    this.metrics.httpRequest(request.method, context.route, status, durationMs / 1000);
    const level = status >= 500 ? 'warn' : 'info';
    if (!access.isLevelEnabled(level)) {
      return;
    }
    const { upstream } = context;
    const call = request.upstreamCall;
    access[level](
      {
        requestId: context.requestId,
        traceId: context.trace.traceId,
        method: request.method,
        route: context.route,
        status,
        durationMs,
        caller: request.caller?.name,
        region: call?.region.name,
        profile: call?.profile.name,
        ...(upstream.calls > 0
          ? {
              upstreamStatus: upstream.status,
              upstreamDurationMs: upstream.durationMs,
              upstreamCalls: upstream.calls,
            }
          : {}),
        ...(upstream.debugId ? { debugId: upstream.debugId } : {}),
      },
      `${request.method} ${context.route} ${status} ${durationMs}ms`,
    );
  }
}

/**
 * A request's context. A class, not an object literal with a getter: V8 kept every request that
 * built such a literal alive through its young-generation collections (a hook that made one and
 * dropped it at once still had each scavenge copy and promote ~2 MB and pause for 5-10 ms at
 * 4,500 req/s); a getter on a prototype costs nothing of the kind.
 */
class LiveRequestContext implements RequestContext {
  readonly upstream: UpstreamOutcome = { calls: 0 };
  private child?: Logger;

  constructor(
    readonly requestId: string,
    readonly route: string,
    readonly trace: TraceContext,
    private readonly root: Logger,
  ) {}

  // Made on first use: a pino child serialises (and redacts) its bindings when it is made, which
  // cost every request 3% of its CPU although most never log a line
  get logger(): Logger {
    return (this.child ??= this.root.child({
      requestId: this.requestId,
      traceId: this.trace.traceId,
    }));
  }
}
