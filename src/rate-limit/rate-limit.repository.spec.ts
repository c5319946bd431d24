import Redis from 'ioredis';
import { RateLimitRepository } from './rate-limit.repository';

describe(RateLimitRepository.name, () => {
  afterEach(() => jest.useRealTimers());

  describe('in memory', () => {
    it('counts hits in a fixed window and blocks past the limit until it ends', async () => {
      jest.useFakeTimers({ now: 1_000_000 });
      const repository = new RateLimitRepository(null);
      const hits = [];
      for (let i = 0; i < 3; i += 1) {
        hits.push(await repository.increment('api-key:a', 10_000, 2));
      }
      expect(hits.map((hit) => [hit.totalHits, hit.isBlocked])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      expect(hits[2]).toMatchObject({ timeToExpire: 10, timeToBlockExpire: 10 });
      jest.setSystemTime(1_000_000 + 4_500);
      expect(await repository.increment('api-key:a', 10_000, 2)).toMatchObject({
        totalHits: 4,
        timeToBlockExpire: 6,
      });
      jest.setSystemTime(1_000_000 + 10_000);
      expect(await repository.increment('api-key:a', 10_000, 2)).toMatchObject({
        totalHits: 1,
        isBlocked: false,
      });
    });

    it('keeps callers apart', async () => {
      const repository = new RateLimitRepository(null);
      await repository.increment('api-key:a', 60_000, 1);
      expect((await repository.increment('api-key:b', 60_000, 1)).isBlocked).toBe(false);
    });
  });

  describe('with a failing Redis', () => {
    it('falls back to memory instead of failing the request', async () => {
      const redis = { eval: jest.fn().mockRejectedValue(new Error('Connection is closed.')) };
      const repository = new RateLimitRepository(redis as unknown as Redis);
      const first = await repository.increment('api-key:a', 60_000, 1);
      const second = await repository.increment('api-key:a', 60_000, 1);
      expect([first.isBlocked, second.isBlocked]).toEqual([false, true]);
      expect(redis.eval).toHaveBeenCalledTimes(2);
    });

    it('uses Redis answers when it has them, under the gw:ratelimit: prefix', async () => {
      const redis = { eval: jest.fn().mockResolvedValue([5, 1500]) };
      const repository = new RateLimitRepository(redis as unknown as Redis);
      expect(await repository.increment('jwt:svc', 60_000, 4)).toEqual({
        totalHits: 5,
        timeToExpire: 2,
        isBlocked: true,
        timeToBlockExpire: 2,
      });
      expect(redis.eval).toHaveBeenCalledWith(
        expect.any(String),
        1,
        'gw:ratelimit:jwt:svc',
        60_000,
      );
    });
  });
});
