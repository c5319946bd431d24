import type { ExecutionContext } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from 'src/common/access/caller.type';
import { promotedByYoungGc } from 'test/utils/young-gc';
import { UpstreamCallGuard } from './upstream-call.guard';
import type { UpstreamCallResolver } from './upstream-call.resolver';

const caller = { name: 'team-a', scopes: ['read'], via: 'api-key' } as unknown as Caller;

const resolver = {
  resolve: (who: Caller, region: string, requestId: string) => ({
    caller: who,
    region: { name: region },
    profile: { name: 'default' },
    requestId,
  }),
} as unknown as UpstreamCallResolver;

interface Exchange {
  request: FastifyRequest;
  connection: EventEmitter & { writableFinished: boolean };
  context: ExecutionContext;
}

function exchange(id: number, headers: Record<string, string> = {}): Exchange {
  const connection = Object.assign(new EventEmitter(), { writableFinished: false });
  const request = {
    id: `request-${id}`,
    method: 'GET',
    headers,
    params: { region: 'us-west' },
    caller,
    // A payload of its own, so that a request kept alive shows in the old generation
    payload: new Array(64).fill(id),
  } as unknown as FastifyRequest;
  const reply = { raw: connection } as unknown as FastifyReply;
  const context = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { request, connection, context };
}

describe(UpstreamCallGuard.name, () => {
  const guard = new UpstreamCallGuard(resolver);

  it('resolves the call and reads the cache directive of a GET', () => {
    const { request, context } = exchange(1, { 'cache-control': 'no-cache' });
    expect(guard.canActivate(context)).toBe(true);
    expect(request.upstreamCall).toMatchObject({
      caller,
      region: { name: 'us-west' },
      profile: { name: 'default' },
      requestId: 'request-1',
      refresh: true,
    });
  });

  it("aborts the call's signal when the caller leaves before its answer, read before or after", () => {
    const early = exchange(2);
    guard.canActivate(early.context);
    const signal = early.request.upstreamCall?.signal;
    expect(signal?.aborted).toBe(false);
    early.connection.emit('close');
    expect(signal?.aborted).toBe(true);

    const late = exchange(3);
    guard.canActivate(late.context);
    late.connection.emit('close');
    expect(late.request.upstreamCall?.signal?.aborted).toBe(true);
  });

  it('never aborts once the answer went out in full', () => {
    const { request, connection, context } = exchange(4);
    guard.canActivate(context);
    connection.writableFinished = true;
    connection.emit('close');
    expect(request.upstreamCall?.signal?.aborted).toBe(false);
  });

  it("a copy of the call keeps what it resolved, not the request's reply", () => {
    const { request, context } = exchange(5);
    guard.canActivate(context);
    const copy = { ...request.upstreamCall, signal: undefined };
    expect(copy).toEqual({
      caller,
      region: { name: 'us-west' },
      profile: { name: 'default' },
      requestId: 'request-5',
      refresh: false,
      signal: undefined,
    });
  });

  it('leaves nothing of a finished request for the old generation (no scavenge keeps it)', () => {
    // The call was an object literal with `get signal()`: that kept every request through V8's
    // young collections, ~10 MB of old space for these 20,000
    const promoted = promotedByYoungGc(() => {
      for (let id = 0; id < 20_000; id++) {
        const { context, connection } = exchange(id);
        guard.canActivate(context);
        connection.removeAllListeners();
      }
    });
    expect(promoted).toBeLessThan(1_000_000);
  });
});
