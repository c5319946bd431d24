import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { StoredAnswer } from './cache-store.type';
import { CallCacheContext } from './call-cache-context.service';

const call = (id: number): UpstreamCall => ({ requestId: `request-${id}` }) as UpstreamCall;

const answer = { body: '{}', etag: '"e"' } as StoredAnswer;

describe(CallCacheContext.name, () => {
  const context = new CallCacheContext();

  it("combines a call's results, the weakest winning, with the oldest age", () => {
    const one = call(1);
    expect(context.outcomeOf(one)).toBeUndefined();
    context.record(one, 'HIT', 3, '"e"', answer);
    expect(context.outcomeOf(one)).toEqual({
      result: 'HIT',
      ageSeconds: 3,
      etag: '"e"',
      answer,
    });
    context.record(one, 'MISS', 0);
    // Two fetches: no single entry's ETag or text stands for the answer
    expect(context.outcomeOf(one)).toEqual({ result: 'MISS', ageSeconds: 3 });
  });

  it('keeps what it records to the call it was given: a copy of the call starts with none', () => {
    const original = call(2);
    context.record(original, 'STALE', 9);
    const copy = { ...original, signal: undefined };
    expect(context.outcomeOf(copy)).toBeUndefined();
    context.record(copy, 'BYPASS', 0);
    expect(context.outcomeOf(original)?.result).toBe('STALE');
    expect(context.outcomeOf(copy)?.result).toBe('BYPASS');
  });
});
