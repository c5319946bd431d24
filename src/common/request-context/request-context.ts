import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as PinoLogger } from 'pino';
import type { TraceContext } from './trace-context.util';

/** What the gateway learnt of GreenLake while serving one request: for its access line. */
export interface UpstreamOutcome {
  status?: number;
  durationMs?: number;
  debugId?: string;
  /** How many calls this request made to GreenLake. */
  calls: number;
}

/** Everything a request carries through async code: its ids, its logger, what GreenLake answered. */
export interface RequestContext {
  requestId: string;
  /** The route template (`/v1/regions/:region/tasks`), or `unmatched`: never the raw URL. */
  route: string;
  trace: TraceContext;
  /** Bound to requestId and traceId, so that every line of the request carries them. */
  logger?: PinoLogger;
  upstream: UpstreamOutcome;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being served, if any (background work has none). */
export const currentRequestContext = (): RequestContext | undefined => storage.getStore();

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** Records one upstream answer on the current request (the last call's status and duration win). */
export function noteUpstreamAnswer(status: number, durationMs: number): void {
  const context = storage.getStore();
  if (context) {
    context.upstream.calls++;
    context.upstream.status = status;
    context.upstream.durationMs = (context.upstream.durationMs ?? 0) + durationMs;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the first onRequest hook (request-observability.hook.ts). */
    requestContext?: RequestContext;
  }
}
