import Redis from 'ioredis';
import request from 'supertest';
import { startSimulator, RunningSimulator } from 'src/simulator';
import { TokenService } from 'src/credentials/token.service';
import { countBy, fireConcurrently } from 'test/utils/load';
import { redisKeys } from 'src/redis/redis-keys.util';
import { SharedTestRedis, startSharedRedis, startTestRedis } from 'test/utils/redis-server';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const TASKS = '/v1/regions/us-west/tasks?limit=1';

describe('Tokens shared by replicas through a real Redis', () => {
  let redis: SharedTestRedis;
  let client: Redis;
  let simulator: RunningSimulator;
  const gateways: TestGateway[] = [];

  const tokenCalls = () => simulator.controls.requests({ target: 'token' }).length;
  const startReplica = async (env: Record<string, string> = {}) => {
    const gw = await startTestGateway({
      sharedSimulator: simulator,
      // GATEWAY_CACHE=off: these tests count what upstream calls do to tokens, and the response
      // cache would answer the repeated GETs without one
      env: {
        ...redis.env,
        GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
        GATEWAY_CACHE: 'off',
        ...env,
      },
    });
    gateways.push(gw);
    return gw;
  };

  beforeAll(async () => {
    redis = await startSharedRedis();
    client = redis.client();
    simulator = await startSimulator({ quiet: true });
  });
  afterAll(async () => {
    client.disconnect();
    await simulator.stop();
    await redis.stop();
  });
  beforeEach(async () => {
    simulator.controls.reset();
    await client.del(redisKeys.token('default'), redisKeys.tokenLock('default'));
  });
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((gw) => gw.close()));
  });

  it('two cold replicas, 500 concurrent requests split between them: exactly 1 token request', async () => {
    const [a, b] = await Promise.all([startReplica(), startReplica()]);
    const statuses = await Promise.all([
      fireConcurrently(`${a.url}${TASKS}`, 250, DEV_KEY),
      fireConcurrently(`${b.url}${TASKS}`, 250, DEV_KEY),
    ]);
    expect(countBy(statuses.flat())).toEqual({ 200: 500 });
    expect(tokenCalls()).toBe(1);
    const adopted =
      a.app.get(TokenService).stats.adoptedFromStore +
      b.app.get(TokenService).stats.adoptedFromStore;
    expect(adopted).toBe(1); // one replica fetched, the other took it from Redis
  });

  it('1,000 concurrent requests on a cold replica with Redis: exactly 1 token request', async () => {
    const gw = await startReplica();
    expect(countBy(await fireConcurrently(`${gw.url}${TASKS}`, 1000, DEV_KEY))).toEqual({
      200: 1000,
    });
    expect(tokenCalls()).toBe(1);
  });

  it('stores the token encrypted, expiring with it, and a restart reuses it', async () => {
    const first = await startReplica();
    const issued = await request(first.url).get('/v1/token').set(DEV_KEY).expect(200);
    const token: string = issued.body.access_token;
    const stored = await client.get(redisKeys.token('default'));
    expect(stored).toBeTruthy();
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.split('.')[1]); // not even the JWT's payload
    const ttl = await client.pttl(redisKeys.token('default'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(issued.body.expires_in * 1000 + 1000);

    await first.close();
    gateways.splice(gateways.indexOf(first), 1);
    const restarted = await startReplica();
    const again = await request(restarted.url).get('/v1/token').set(DEV_KEY).expect(200);
    expect(again.body.access_token).toBe(token);
    await request(restarted.url).get(TASKS).set(DEV_KEY).expect(200);
    expect(tokenCalls()).toBe(1);
  });

  it('a token refused by GreenLake is dropped from Redis too, and the other replica adopts the new one', async () => {
    const [a, b] = await Promise.all([startReplica(), startReplica()]);
    await request(a.url).get(TASKS).set(DEV_KEY).expect(200);
    await request(b.url).get(TASKS).set(DEV_KEY).expect(200);
    expect(tokenCalls()).toBe(1);
    simulator.controls.revokeAllTokens();
    await request(a.url).get(TASKS).set(DEV_KEY).expect(200); // 401, drop, new token, replay
    await request(b.url).get(TASKS).set(DEV_KEY).expect(200); // 401, drop (not a's new one), adopt
    expect(tokenCalls()).toBe(2);
  });

  it('with a wrong GATEWAY_ENCRYPTION_KEY the stored token is ignored, not misread', async () => {
    const writer = await startReplica({ GATEWAY_ENCRYPTION_KEY: 'a'.repeat(64) });
    await request(writer.url).get(TASKS).set(DEV_KEY).expect(200);
    const reader = await startReplica({ GATEWAY_ENCRYPTION_KEY: 'b'.repeat(64) });
    await request(reader.url).get(TASKS).set(DEV_KEY).expect(200);
    expect(tokenCalls()).toBe(2);
  });
});

describe('Redis down: tokens fall back to memory without failing a request', () => {
  it('serves calls with Redis configured but unreachable', async () => {
    const redis = await startTestRedis();
    await redis.stop();
    const gw = await startTestGateway({
      env: { REDIS_URL: redis.url, GATEWAY_RATE_LIMIT_PER_MINUTE: '0' },
    });
    try {
      const statuses = await fireConcurrently(`${gw.url}${TASKS}`, 50, DEV_KEY);
      expect(countBy(statuses)).toEqual({ 200: 50 });
      expect(gw.simulator.controls.requests({ target: 'token' })).toHaveLength(1);
      const ready = await request(gw.url).get('/health/ready').expect(200);
      expect(ready.body.status).toBe('degraded');
    } finally {
      await gw.close();
    }
  });
});
