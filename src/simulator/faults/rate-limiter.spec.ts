import { RateLimiter } from './rate-limiter';

describe(RateLimiter.name, () => {
  const start = Date.parse('2026-01-01T00:00:10.000Z');

  it('counts per client in a one-minute window opened by its first request', () => {
    const limiter = new RateLimiter(2);
    expect(limiter.consume('a', start)).toEqual({
      limit: 2,
      remaining: 1,
      resetSeconds: 60,
      limited: false,
      windowSeconds: 60,
    });
    expect(limiter.consume('a', start + 15_500)).toMatchObject({
      remaining: 0,
      limited: false,
      resetSeconds: 45,
    });
    expect(limiter.consume('a', start + 16_000)).toMatchObject({
      remaining: 0,
      limited: true,
      resetSeconds: 44,
    });
    expect(limiter.consume('b', start + 16_000)).toMatchObject({
      remaining: 1,
      limited: false,
      resetSeconds: 60,
    });
  });

  it('starts afresh once the window ends and after clear()', () => {
    const limiter = new RateLimiter(1);
    limiter.consume('a', start);
    expect(limiter.consume('a', start + 59_999).limited).toBe(true);
    expect(limiter.consume('a', start + 60_000)).toMatchObject({
      limited: false,
      resetSeconds: 60,
    });
    limiter.consume('a', start + 60_001);
    limiter.clear();
    expect(limiter.consume('a', start + 60_002).limited).toBe(false);
  });
});
