import { fullJitterMs, hintedWaitMs } from './retry-timing.util';

const NOW = 1_700_000_000_000;

describe(hintedWaitMs.name, () => {
  it('honours Retry-After in seconds or as an HTTP date, on any status', () => {
    expect(hintedWaitMs(503, { 'retry-after': '2' }, NOW)).toBe(2_000);
    const date = new Date(NOW + 3_000).toUTCString();
    expect(hintedWaitMs(429, { 'retry-after': date }, NOW)).toBe(3_000);
  });

  it('on a 429 without Retry-After, waits for the budget reset in any spelling', () => {
    expect(hintedWaitMs(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '4' }, NOW)).toBe(
      4_000,
    );
    expect(hintedWaitMs(429, {}, NOW)).toBeUndefined();
  });

  it('ignores the budget reset on a 5xx (it says when the budget resets, not when the region heals)', () => {
    expect(hintedWaitMs(503, { 'ratelimit-remaining': '5', 'ratelimit-reset': '60' }, NOW)).toBe(
      undefined,
    );
  });
});

describe(fullJitterMs.name, () => {
  it('draws from [0, min(cap, 100 ms · 2^attempt)]', () => {
    for (let i = 0; i < 200; i++) {
      const first = fullJitterMs(0, 5_000);
      const third = fullJitterMs(2, 5_000);
      const capped = fullJitterMs(10, 300);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(first).toBeLessThan(100);
      expect(third).toBeLessThan(400);
      expect(capped).toBeLessThan(300);
    }
  });
});
