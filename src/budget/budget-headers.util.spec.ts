import { readBudgetHeaders } from './budget-headers.util';

const NOW = 1_700_000_000_000;

describe(readBudgetHeaders.name, () => {
  it.each([
    [
      'ratelimit-*',
      { 'ratelimit-limit': '100', 'ratelimit-remaining': '7', 'ratelimit-reset': '48' },
    ],
    [
      "the guide's rateLimit-reset",
      { 'RateLimit-Limit': '100', 'RateLimit-Remaining': '7', 'rateLimit-reset': '48' },
    ],
    [
      'X-RateLimit-*',
      { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '7', 'X-RateLimit-Reset': '48' },
    ],
    ['the standard RateLimit field', { RateLimit: 'limit=100, remaining=7, reset=48' }],
    [
      'the structured RateLimit field',
      { RateLimit: '"default";r=7;t=48', 'RateLimit-Policy': '"default";q=100;w=60' },
    ],
  ])('reads %s', (_spelling, headers) => {
    expect(readBudgetHeaders(headers, NOW)).toEqual({
      limit: 100,
      remaining: 7,
      resetAt: NOW + 48_000,
    });
  });

  it('takes a reset over 10^9 as epoch seconds', () => {
    const epoch = NOW / 1000 + 30;
    expect(
      readBudgetHeaders({ 'ratelimit-remaining': '0', 'ratelimit-reset': String(epoch) }, NOW),
    ).toEqual({ limit: undefined, remaining: 0, resetAt: NOW + 30_000 });
  });

  it('is undefined for an answer without a budget or with nonsense in it', () => {
    expect(readBudgetHeaders({ 'content-type': 'application/json' }, NOW)).toBeUndefined();
    expect(readBudgetHeaders({ 'ratelimit-remaining': 'lots' }, NOW)).toBeUndefined();
  });
});
