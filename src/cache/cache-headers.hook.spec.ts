import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { CacheHeadersHook } from './cache-headers.hook';
import type { StoredAnswer } from './cache-store.type';
import { CallCacheContext } from './call-cache-context.service';
import type { HitShortcutHook } from './hit-shortcut.hook';

type OnSend = (
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
) => void;

const answer: StoredAnswer = {
  body: '{"items":[{"id":"é"}]}',
  headers: {},
  etag: '"entry"',
  storedAt: Date.now(),
  ttlMs: 5_000,
  scopeGeneration: 0,
};

function setUp(): { send: (payload: unknown) => unknown; headers: Record<string, string> } {
  const context = new CallCacheContext();
  let onSend: OnSend | undefined;
  // Remembering for the shortcut is the e2e suite's to check
  const shortcut = { remember: () => undefined } as unknown as HitShortcutHook;
  new CacheHeadersHook(context, shortcut).register({
    addHook: (_name: string, hook: OnSend) => (onSend = hook),
  } as unknown as FastifyInstance);
  const call = {} as UpstreamCall;
  context.record(call, 'HIT', 2, answer.etag, answer);
  const headers: Record<string, string> = {};
  const reply = {
    statusCode: 200,
    header: (name: string, value: string) => (headers[name] = value),
  } as unknown as FastifyReply;
  const request = { upstreamCall: call, headers: {} } as unknown as FastifyRequest;
  const send = (payload: unknown) => {
    let sent: unknown;
    onSend?.(request, reply, payload, (_error, out) => (sent = out));
    return sent;
  };
  return { send, headers };
}

describe(CacheHeadersHook.name, () => {
  it("sends a route answer that is the entry's own text as the entry's bytes, encoded once", () => {
    const { send, headers } = setUp();
    const first = send(answer.body);
    expect(Buffer.isBuffer(first)).toBe(true);
    expect((first as Buffer).toString('utf8')).toBe(answer.body);
    expect(send(answer.body)).toBe(first);
    expect(headers).toMatchObject({ 'x-cache': 'HIT', age: '2', etag: '"entry"' });
  });

  it('leaves a mapped answer (other text) as it is', () => {
    const { send } = setUp();
    expect(send('{"items":[]}')).toBe('{"items":[]}');
  });
});
