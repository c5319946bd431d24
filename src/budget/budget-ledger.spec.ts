import Redis from 'ioredis';
import { startTestRedis, TestRedis } from 'test/utils/redis-server';
import { BudgetLedgerRepository } from './budget-ledger.repository';
import type { AdmissionRequest } from './budget-ledger';

const T0 = 1_000_000_000_000;

const ask = (caller: string, nowMs: number, fairShare = true): AdmissionRequest => ({
  nowMs,
  caller,
  fairShare,
  weights: { ui: 3 },
  defaultWeight: 1,
});

/** One table, run against the in-memory ledger and the Lua scripts on a real Redis. */
function ledgerContract(make: () => BudgetLedgerRepository): void {
  let ledger: BudgetLedgerRepository;
  let profile = 0;
  let p: string;
  beforeEach(() => {
    ledger = make();
    p = `p${++profile}`;
  });

  it('admits everything before any budget is known', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await ledger.admit(p, 'us-west', ask('a', T0))).toEqual({ admitted: true });
    }
  });

  it('counts down from what GreenLake said and refuses when spent, until the reset', async () => {
    await ledger.observe(p, 'us-west', { limit: 10, remaining: 2, resetAt: T0 + 3_000 }, T0);
    expect((await ledger.admit(p, 'us-west', ask('a', T0 + 1))).admitted).toBe(true);
    expect((await ledger.admit(p, 'us-west', ask('a', T0 + 2))).admitted).toBe(true);
    expect(await ledger.admit(p, 'us-west', ask('a', T0 + 3))).toEqual({
      admitted: false,
      reason: 'spent',
      resetAt: T0 + 3_000,
    });
    // the window ended: a fresh one of `limit` calls is presumed
    expect((await ledger.admit(p, 'us-west', ask('a', T0 + 3_000))).admitted).toBe(true);
    expect(await ledger.snapshot(p, 'us-west')).toMatchObject({ limit: 10, remaining: 9 });
  });

  it('a 429 (remaining 0) marks it spent until the given time', async () => {
    await ledger.observe(p, 'eu-west', { limit: 10, remaining: 8, resetAt: T0 + 30_000 }, T0);
    await ledger.observe(p, 'eu-west', { remaining: 0, resetAt: T0 + 1_000 }, T0 + 10);
    expect(await ledger.admit(p, 'eu-west', ask('a', T0 + 20))).toMatchObject({
      admitted: false,
      resetAt: T0 + 1_000,
    });
    expect((await ledger.admit(p, 'eu-west', ask('a', T0 + 1_000))).admitted).toBe(true);
  });

  it('keeps the lower of our estimate and an older answer within one window', async () => {
    await ledger.observe(p, 'us-west', { limit: 10, remaining: 5, resetAt: T0 + 2_400 }, T0);
    await ledger.admit(p, 'us-west', ask('a', T0 + 1));
    await ledger.observe(p, 'us-west', { limit: 10, remaining: 5, resetAt: T0 + 2_900 }, T0 + 2);
    expect(await ledger.snapshot(p, 'us-west')).toEqual({
      limit: 10,
      remaining: 4,
      resetAt: T0 + 2_400,
    });
  });

  it('a caller alone may use the whole budget', async () => {
    await ledger.observe(p, 'us-west', { limit: 4, remaining: 4, resetAt: T0 + 2_000 }, T0);
    const verdicts = [];
    for (let i = 0; i < 5; i++) {
      verdicts.push((await ledger.admit(p, 'us-west', ask('batch', T0 + i))).admitted);
    }
    expect(verdicts).toEqual([true, true, true, true, false]);
  });

  it('keeps each active caller its weighted share (ui weighs 3, batch 1)', async () => {
    await ledger.observe(p, 'us-west', { limit: 8, remaining: 8, resetAt: T0 + 2_000 }, T0);
    await ledger.admit(p, 'us-west', ask('ui', T0 + 1)); // ui is active: its share is 6 of 8
    let batch = 0;
    while ((await ledger.admit(p, 'us-west', ask('batch', T0 + 2))).admitted) {
      batch++;
    }
    expect(batch).toBe(2);
    expect(await ledger.admit(p, 'us-west', ask('batch', T0 + 3))).toMatchObject({
      admitted: false,
      reason: 'share',
    });
    let ui = 1;
    while ((await ledger.admit(p, 'us-west', ask('ui', T0 + 4))).admitted) {
      ui++;
    }
    expect(ui).toBe(6);
  });

  it('counts the calls sent before the first answer against the window that answer describes', async () => {
    await ledger.admit(p, 'us-west', ask('ui', T0));
    for (let i = 0; i < 4; i++) {
      await ledger.admit(p, 'us-west', ask('batch', T0 + 1));
    }
    await ledger.observe(p, 'us-west', { limit: 8, remaining: 3, resetAt: T0 + 2_000 }, T0 + 2);
    // batch has used 4 of 8 and ui (share 6) is owed 5 more: nothing left for batch
    expect(await ledger.admit(p, 'us-west', ask('batch', T0 + 3))).toMatchObject({
      admitted: false,
      reason: 'share',
    });
    expect((await ledger.admit(p, 'us-west', ask('ui', T0 + 4))).admitted).toBe(true);
  });

  it('without fair share the first caller takes it all', async () => {
    await ledger.observe(p, 'us-west', { limit: 8, remaining: 8, resetAt: T0 + 2_000 }, T0);
    await ledger.admit(p, 'us-west', ask('ui', T0 + 1, false));
    let batch = 0;
    while ((await ledger.admit(p, 'us-west', ask('batch', T0 + 2, false))).admitted) {
      batch++;
    }
    expect(batch).toBe(7);
  });
}

describe(BudgetLedgerRepository.name, () => {
  describe('in memory', () => ledgerContract(() => new BudgetLedgerRepository(null)));

  describe('with a failing Redis', () => {
    it('paces from memory instead of failing the call', async () => {
      const redis = { eval: jest.fn().mockRejectedValue(new Error('Connection is closed.')) };
      const ledger = new BudgetLedgerRepository(redis as unknown as Redis);
      await ledger.observe('p', 'us-west', { limit: 1, remaining: 1, resetAt: T0 + 1_000 }, T0);
      expect((await ledger.admit('p', 'us-west', ask('a', T0 + 1))).admitted).toBe(true);
      expect((await ledger.admit('p', 'us-west', ask('a', T0 + 2))).admitted).toBe(false);
      expect(redis.eval).toHaveBeenCalledTimes(3);
    });
  });

  describe('in Redis (the Lua twins)', () => {
    let redis: TestRedis;
    let client: Redis;
    beforeAll(async () => {
      redis = await startTestRedis();
      client = new Redis(redis.url);
    });
    afterAll(async () => {
      await client.quit();
      await redis.stop();
    });
    ledgerContract(() => new BudgetLedgerRepository(client));

    it('keeps the whole ledger in one hash slot', async () => {
      const ledger = new BudgetLedgerRepository(client);
      await ledger.observe('slot', 'us-west', { limit: 3, remaining: 3, resetAt: T0 + 1 }, T0);
      expect(await client.keys('gw:budget:*slot*')).toEqual(['gw:budget:{slot:us-west}']);
    });
  });
});
