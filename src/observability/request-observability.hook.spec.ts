import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import pino from 'pino';
import type { GatewayConfig } from 'src/config/gateway-config.type';
import type { GatewayMetrics } from 'src/metrics/gateway-metrics.service';
import { SpanTracer } from 'src/tracing/span-tracer.service';
import { promotedByYoungGc } from 'test/utils/young-gc';
import { RequestObservabilityHook } from './request-observability.hook';

type Hook = (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;

const REQUESTS = 20_000;

function onRequestHook(): Hook {
  const hooks = new Map<string, Hook>();
  new RequestObservabilityHook({} as GatewayMetrics, new SpanTracer({} as GatewayConfig)).register(
    { addHook: (name: string, hook: Hook) => hooks.set(name, hook) } as unknown as FastifyInstance,
    pino({ level: 'silent' }),
  );
  const hook = hooks.get('onRequest');
  if (!hook) {
    throw new Error('no onRequest hook registered');
  }
  return hook;
}

function fakeRequest(id: number): FastifyRequest {
  // A payload of its own, so that a request kept alive shows in the old generation
  return {
    id: `request-${id}`,
    method: 'GET',
    headers: {},
    routeOptions: { url: '/v1/regions/:region/tasks' },
    payload: new Array(64).fill(id),
  } as unknown as FastifyRequest;
}

const reply = { raw: { once: () => undefined } } as unknown as FastifyReply;

describe(RequestObservabilityHook.name, () => {
  it('gives each request a context whose logger is bound to its ids, made on first use', () => {
    const request = fakeRequest(1);
    onRequestHook()(request, reply, () => undefined);
    const context = request.requestContext;
    expect(context).toMatchObject({ requestId: 'request-1', route: '/v1/regions/:region/tasks' });
    expect(context?.trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(context?.logger?.bindings()).toMatchObject({
      requestId: 'request-1',
      traceId: context?.trace.traceId,
    });
    expect(context?.logger).toBe(context?.logger);
  });

  it('leaves nothing of a finished request for the old generation (no scavenge keeps it)', () => {
    const hook = onRequestHook();
    // An object literal with a getter made per request kept every request through V8's young
    // collections: 20,000 requests left ~10 MB in the old space, and each scavenge paused 5-10 ms
    const promoted = promotedByYoungGc(() => {
      for (let id = 0; id < REQUESTS; id++) {
        hook(fakeRequest(id), reply, () => undefined);
      }
    });
    expect(promoted).toBeLessThan(1_000_000);
  });
});
