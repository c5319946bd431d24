import { OutcomeTally, kindOf, summarise } from './soak-tally.util';

describe('kindOf', () => {
  it('takes any 2xx as ok', () => {
    expect(kindOf({ status: 200 })).toBe('ok');
    expect(kindOf({ status: 202 })).toBe('ok');
  });

  it('allows 429, 502, 503 and 504 only in the gateway error shape', () => {
    expect(kindOf({ status: 429, code: 'UPSTREAM_RATE_LIMITED' })).toBe(
      '429 UPSTREAM_RATE_LIMITED',
    );
    expect(kindOf({ status: 504, code: 'UPSTREAM_TIMEOUT' })).toBe('504 UPSTREAM_TIMEOUT');
    expect(kindOf({ status: 502 })).toBe('BAD 502 unmapped');
  });

  it('counts a 500, any other status and no answer at all as bad', () => {
    expect(kindOf({ status: 500, code: 'INTERNAL' })).toBe('BAD 500 INTERNAL');
    expect(kindOf({ status: 404, code: 'NOT_FOUND' })).toBe('BAD 404 NOT_FOUND');
    expect(kindOf({ status: 0, failure: 'ECONNRESET' })).toBe('BAD no answer: ECONNRESET');
  });
});

describe('OutcomeTally', () => {
  it('counts per operation and kind, and the bad ones over all', () => {
    const tally = new OutcomeTally();
    tally.add('list', 'ok');
    tally.add('list', 'ok');
    tally.add('list', 'BAD 500 INTERNAL');
    tally.add('token', '503 TOKEN_UNAVAILABLE');
    expect(tally.snapshot()).toEqual({
      list: { 'BAD 500 INTERNAL': 1, ok: 2 },
      token: { '503 TOKEN_UNAVAILABLE': 1 },
    });
    expect(tally.byKind()).toEqual({ 'BAD 500 INTERNAL': 1, ok: 2, '503 TOKEN_UNAVAILABLE': 1 });
    expect(tally.badCount()).toBe(1);
  });
});

describe('summarise', () => {
  it('gives the median and the maximum', () => {
    expect(summarise([5, 1, 3, 100])).toEqual({ p50: 3, max: 100, samples: 4 });
    expect(summarise([])).toEqual({ p50: 0, max: 0, samples: 0 });
  });
});
