import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import type { GatewayConfig } from 'src/config/gateway-config.type';
import { MemoryCacheStore } from './memory-cache.store';
import type { BudgetMetrics } from 'src/budget/budget-metrics.service';
import { Cached, CacheLookup, Loaded, ResponseCacheService } from './response-cache.service';

const config = {
  upstream: { timeoutMs: 1000 },
  cache: {
    enabled: true,
    maxBytes: 1 << 20,
    maxEntryBytes: 100,
    staleSeconds: 60,
    proxyTtlSeconds: 0,
    refreshAheadPercent: 10,
  },
} as unknown as GatewayConfig;

const lookup = (overrides: Partial<CacheLookup> = {}): CacheLookup => ({
  scope: { profile: 'default', region: 'us-west', resource: 'tags' },
  request: '/data-services/v1beta1/tags?limit=1',
  ttlSeconds: 60,
  refresh: false,
  ...overrides,
});

const answer = (body = '{"items":[]}'): Loaded<never> => ({
  kind: 'answer',
  answer: { body, headers: {} },
});

describe(ResponseCacheService.name, () => {
  let cache: ResponseCacheService;
  let loads: number;
  const load = (body?: string) => () => {
    loads++;
    return new Promise<Loaded<never>>((resolve) => setTimeout(() => resolve(answer(body)), 10));
  };

  beforeEach(() => {
    cache = new ResponseCacheService(new MemoryCacheStore(1 << 20), config);
    loads = 0;
  });
  afterEach(() => jest.useRealTimers());

  it('coalesces concurrent identical lookups into one load', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cache.fetch(lookup(), load())),
    );
    expect(loads).toBe(1);
    expect(results.map((result) => result.kind === 'answer' && result.result)).toEqual(
      Array(20).fill('MISS'),
    );
    expect((await cache.fetch(lookup(), load())).kind === 'answer').toBe(true);
    expect(cache.snapshot()).toMatchObject({ hit: 1, miss: 20, coalesced: 19 });
  });

  it('an invalidation voids the scope, not others', async () => {
    await cache.fetch(lookup(), load());
    await cache.fetch(
      lookup({ scope: { profile: 'other', region: 'us-west', resource: 'tags' } }),
      load(),
    );
    await cache.invalidate(lookup().scope);
    const again = await cache.fetch(lookup(), load());
    const other = await cache.fetch(
      lookup({ scope: { profile: 'other', region: 'us-west', resource: 'tags' } }),
      load(),
    );
    expect(again.kind === 'answer' && again.result).toBe('MISS');
    expect(other.kind === 'answer' && other.result).toBe('HIT');
  });

  it('serves a stale entry on upstream trouble, but never on a rejection', async () => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'setImmediate'] });
    const now = Date.now();
    jest.setSystemTime(now);
    await cache.fetch(lookup({ ttlSeconds: 1 }), load());
    jest.setSystemTime(now + 5_000);
    const failing = (code: GatewayErrorCode) => () => Promise.reject(new GatewayError(code, 'x'));
    const stale = await cache.fetch(
      lookup({ ttlSeconds: 1 }),
      failing(GatewayErrorCode.UPSTREAM_TIMEOUT),
    );
    expect(stale).toMatchObject({ kind: 'answer', result: 'STALE', ageSeconds: 5 });
    await expect(
      cache.fetch(lookup({ ttlSeconds: 1 }), failing(GatewayErrorCode.UPSTREAM_REJECTED)),
    ).rejects.toMatchObject({ code: GatewayErrorCode.UPSTREAM_REJECTED });
    jest.setSystemTime(now + 62_000); // past TTL + stale window
    await expect(
      cache.fetch(lookup({ ttlSeconds: 1 }), failing(GatewayErrorCode.UPSTREAM_ERROR)),
    ).rejects.toMatchObject({ code: GatewayErrorCode.UPSTREAM_ERROR });
  });

  it('does not store an answer over the entry limit', async () => {
    await cache.fetch(lookup(), load('x'.repeat(101)));
    await cache.fetch(lookup(), load('x'.repeat(101)));
    expect(loads).toBe(2);
    expect(cache.snapshot().tooLarge).toBe(2);
  });

  it('followers of a load that could not be shared load their own', async () => {
    let calls = 0;
    const other = () => {
      calls++;
      return new Promise<Loaded<string>>((resolve) =>
        setTimeout(() => resolve({ kind: 'other', value: `stream ${calls}` }), 10),
      );
    };
    const results = await Promise.all([cache.fetch(lookup(), other), cache.fetch(lookup(), other)]);
    expect(calls).toBe(2);
    expect(results.every((result) => result.kind === 'other')).toBe(true);
  });
});

describe(`${ResponseCacheService.name}: refresh ahead`, () => {
  let loads: number;
  let now: number;
  const load = (body: string, fail?: GatewayErrorCode) => (): Promise<Loaded<string>> => {
    loads++;
    return fail
      ? Promise.reject(new GatewayError(fail, 'x'))
      : Promise.resolve({ kind: 'answer', answer: { body, headers: {} } });
  };
  const bodyOf = (cached: Cached<string>) => (cached.kind === 'answer' ? cached.answer.body : '');
  const resultOf = (cached: Cached<string>) => (cached.kind === 'answer' ? cached.result : '');
  // The background fill runs on the microtask queue: let it land before looking again
  const settle = () => new Promise((resume) => setImmediate(resume));
  const service = (percent: number, scarce = false) =>
    new ResponseCacheService(
      new MemoryCacheStore(1 << 20),
      { ...config, cache: { ...config.cache, refreshAheadPercent: percent } },
      undefined,
      { isScarce: () => scarce } as unknown as BudgetMetrics,
    );

  beforeEach(() => {
    loads = 0;
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'setImmediate'] });
    now = Date.now();
    jest.setSystemTime(now);
  });
  afterEach(() => jest.useRealTimers());

  it('a hit in the last tenth of the TTL renews the entry in the background, and answers HIT', async () => {
    const cache = service(10);
    await cache.fetch(lookup(), load('{"v":1}'));
    jest.setSystemTime(now + 53_000); // not yet in the last tenth of 60 s
    expect(resultOf(await cache.fetch(lookup(), load('{"v":2}')))).toBe('HIT');
    await settle();
    expect(loads).toBe(1);
    jest.setSystemTime(now + 55_000);
    const due = await cache.fetch(lookup(), load('{"v":2}'));
    expect([resultOf(due), bodyOf(due)]).toEqual(['HIT', '{"v":1}']);
    // Another hit while the refresh is in flight starts no second one
    await cache.fetch(lookup(), load('{"v":3}'));
    await settle();
    expect(loads).toBe(2);
    jest.setSystemTime(now + 65_000); // past the first entry's TTL: the renewed one answers
    const after = await cache.fetch(lookup(), load('{"v":4}'));
    expect([resultOf(after), bodyOf(after)]).toEqual(['HIT', '{"v":2}']);
    expect(loads).toBe(2);
    expect(cache.snapshot()).toMatchObject({ refreshedAhead: 1, miss: 1 });
  });

  it('a failed refresh leaves the entry to its TTL, then to the stale window', async () => {
    const cache = service(10);
    await cache.fetch(lookup(), load('{"v":1}'));
    jest.setSystemTime(now + 58_000);
    await cache.fetch(lookup(), load('', GatewayErrorCode.UPSTREAM_ERROR));
    await settle();
    expect(loads).toBe(2);
    jest.setSystemTime(now + 61_000);
    const stale = await cache.fetch(lookup(), load('', GatewayErrorCode.UPSTREAM_ERROR));
    expect([resultOf(stale), bodyOf(stale)]).toEqual(['STALE', '{"v":1}']);
  });

  it('an answer a refresh cannot keep is handed to discard', async () => {
    const cache = service(10);
    await cache.fetch(lookup(), load('{"v":1}'));
    jest.setSystemTime(now + 58_000);
    const discarded: string[] = [];
    await cache.fetch(
      lookup(),
      () => Promise.resolve({ kind: 'other', value: 'a stream' } as Loaded<string>),
      (value) => discarded.push(value),
    );
    await settle();
    expect(discarded).toEqual(['a stream']);
  });

  it('never refreshes ahead when turned off, or when the budget is scarce', async () => {
    for (const cache of [service(0), service(10, true)]) {
      loads = 0;
      jest.setSystemTime(now);
      await cache.fetch(lookup(), load('{"v":1}'));
      jest.setSystemTime(now + 59_000);
      await cache.fetch(lookup(), load('{"v":2}'));
      await settle();
      expect(loads).toBe(1);
      expect(cache.snapshot().refreshedAhead).toBe(0);
    }
  });
});

describe(MemoryCacheStore.name, () => {
  it('evicts the least recently used entries beyond its byte bound', async () => {
    const store = new MemoryCacheStore(3 * (1000 + 512));
    const stored = (body: string) => ({
      body,
      headers: {},
      etag: '"x"',
      storedAt: Date.now(),
      ttlMs: 60_000,
      scopeGeneration: 0,
    });
    for (const hash of ['a', 'b', 'c', 'd']) {
      store.write('scope', hash, stored('x'.repeat(1000)), 60_000);
    }
    expect((await store.read('scope', 'a')).answer).toBeUndefined();
    expect((await store.read('scope', 'd')).answer?.body).toHaveLength(1000);
    expect(await store.purge('*', [])).toBe(3);
  });
});
