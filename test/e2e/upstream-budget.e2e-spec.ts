import request from 'supertest';
import { startTestRedis, TestRedis } from 'test/utils/redis-server';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';
import { BudgetMetrics } from 'src/budget/budget-metrics.service';
import { getStatus } from 'test/utils/load';

const tasks = (region: string, offset: number) =>
  `/v1/regions/${region}/tasks?limit=1&offset=${offset}`;
const dataCalls = (gw: TestGateway, region: string) =>
  gw.simulator.controls.requests({ target: 'data', region });
const sleep = (ms: number) => new Promise((resume) => setTimeout(resume, ms));

interface Outcome {
  status: number;
  code?: string;
  retryAfter?: string;
}

async function sequentialGets(gw: TestGateway, region: string, count: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request(gw.url).get(tasks(region, i)).set(DEV_KEY);
    outcomes.push({
      status: res.status,
      code: (res.body as { code?: string }).code,
      retryAfter: res.headers['retry-after'],
    });
  }
  return outcomes;
}

function expectPacedOutcomes(outcomes: Outcome[]): void {
  for (const outcome of outcomes) {
    if (outcome.status !== 200) {
      expect(outcome).toEqual({
        status: 429,
        code: 'UPSTREAM_BUDGET_EXHAUSTED',
        retryAfter: expect.stringMatching(/^[1-9]\d*$/),
      });
    }
  }
}

describe.each(['memory', 'redis'] as const)('Pacing against the budget (%s)', (store) => {
  let gw: TestGateway;
  let redis: TestRedis | undefined;

  beforeAll(async () => {
    redis = store === 'redis' ? await startTestRedis() : undefined;
    gw = await startTestGateway({
      env: {
        GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
        // Every GET must spend GreenLake's budget: a cache HIT would not
        GATEWAY_CACHE: 'off',
        ...(redis ? { REDIS_URL: redis.url } : {}),
      },
    });
  });
  afterAll(async () => {
    await gw.close();
    await redis?.stop();
  });

  it('budget 10 per 3 s, 25 sequential distinct GETs: at most one GreenLake 429', async () => {
    gw.simulator.controls.setBudget({ limit: 10, windowMs: 3_000 });
    const outcomes = await sequentialGets(gw, 'us-west', 25);
    const upstream429 = dataCalls(gw, 'us-west').filter((call) => call.status === 429).length;
    expect(upstream429).toBeLessThanOrEqual(1);
    expectPacedOutcomes(outcomes);
    // the whole window was used, and every refusal was answered without calling GreenLake
    const ok = outcomes.filter((outcome) => outcome.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(10);
    expect(dataCalls(gw, 'us-west').length).toBeLessThanOrEqual(ok + 1);
    // after the Retry-After the caller was given, the next window serves again
    const last = outcomes.filter((outcome) => outcome.status === 429).pop();
    await sleep(Number(last?.retryAfter ?? 0) * 1000);
    await request(gw.url).get(tasks('us-west', 99)).set(DEV_KEY).expect(200);
  });
});

describe('Budget headers in every spelling', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      env: { GATEWAY_RATE_LIMIT_PER_MINUTE: '0', GATEWAY_CACHE: 'off' },
    });
  });
  afterAll(() => gw.close());

  it.each([
    ['x-ratelimit', 'eu-west'],
    ['standard', 'eu-central'],
  ] as const)('paces from %s headers', async (headers, region) => {
    gw.simulator.controls.setBudget({ limit: 3, windowMs: 2_000, headers });
    const outcomes = await sequentialGets(gw, region, 8);
    expect(dataCalls(gw, region).filter((call) => call.status === 429).length).toBeLessThanOrEqual(
      1,
    );
    expectPacedOutcomes(outcomes);
    expect(outcomes.some((outcome) => outcome.status === 429)).toBe(true);
  });
});

describe('Retries', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      env: { GATEWAY_RATE_LIMIT_PER_MINUTE: '0', GATEWAY_CACHE: 'off' },
    });
  });
  afterAll(() => gw.close());
  beforeEach(async () => {
    gw.simulator.controls.reset();
    await request(gw.url).get(tasks('us-west', 0)).set(DEV_KEY).expect(200); // a token in hand
    gw.simulator.controls.clearRequests();
  });

  it('a 429 with Retry-After: 1 once → 200 after about a second', async () => {
    gw.simulator.controls.failNext(1, 429, { target: 'data', retryAfterSeconds: 1 });
    const started = Date.now();
    await request(gw.url).get(tasks('us-west', 1)).set(DEV_KEY).expect(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(dataCalls(gw, 'us-west').map((call) => call.status)).toEqual([429, 200]);
  });

  it('one 503 on a GET → 200', async () => {
    gw.simulator.controls.failNext(1, 503, { target: 'data' });
    await request(gw.url).get(tasks('us-west', 2)).set(DEV_KEY).expect(200);
    expect(dataCalls(gw, 'us-west').map((call) => call.status)).toEqual([503, 200]);
  });

  it('a reset connection on a GET → 200', async () => {
    gw.simulator.controls.resetNext(1, { target: 'data' });
    await request(gw.url).get(tasks('us-west', 3)).set(DEV_KEY).expect(200);
    expect(dataCalls(gw, 'us-west').map((call) => call.status)).toEqual([0, 200]);
  });

  it('a 503 on a POST is not sent again', async () => {
    gw.simulator.controls.failNext(1, 503, { target: 'data' });
    const res = await request(gw.url)
      .post('/v1/regions/us-west/proxy/virtualization/v1beta1/virtual-machines')
      .send({ name: 'vm' })
      .set(DEV_KEY)
      .expect(502);
    expect(res.body.code).toBe('UPSTREAM_ERROR');
    expect(dataCalls(gw, 'us-west').map((call) => call.status)).toEqual([503]);
  });

  it('a Retry-After past UPSTREAM_RETRY_MAX_WAIT_MS reaches the caller at once, with Retry-After', async () => {
    gw.simulator.controls.failNext(1, 429, { target: 'data', retryAfterSeconds: 30 });
    const res = await request(gw.url).get(tasks('eu-west', 4)).set(DEV_KEY).expect(429);
    expect(res.headers['retry-after']).toBe('30');
    expect(dataCalls(gw, 'eu-west')).toHaveLength(1);
    // and the budget of that region counts as spent: no call reaches GreenLake meanwhile
    const next = await request(gw.url).get(tasks('eu-west', 5)).set(DEV_KEY).expect(429);
    expect(next.body.code).toBe('UPSTREAM_BUDGET_EXHAUSTED');
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(20);
    expect(dataCalls(gw, 'eu-west')).toHaveLength(1);
    expect(gw.app.get(BudgetMetrics).snapshot().refusals.budgetExhausted).toEqual({
      'default/eu-west': 1,
    });
  });
});

describe('Circuit breaker per region', () => {
  const OPEN_MS = 2_000;
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      env: {
        GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
        GATEWAY_CACHE: 'off',
        UPSTREAM_BREAKER_FAILURES: '5',
        UPSTREAM_BREAKER_OPEN_MS: String(OPEN_MS),
      },
    });
    await request(gw.url).get(tasks('us-west', 0)).set(DEV_KEY).expect(200); // a token in hand
  });
  afterAll(() => gw.close());

  it('opens on a region answering 503, fails fast with Retry-After, probes once, recovers', async () => {
    gw.simulator.controls.clearRequests();
    gw.simulator.controls.failNext(100_000, 503, { target: 'data', region: 'us-west' });
    const answers: { status: number; code: string; retryAfter?: string; ms: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const started = Date.now();
      const res = await request(gw.url).get(tasks('us-west', i)).set(DEV_KEY);
      answers.push({
        status: res.status,
        code: (res.body as { code: string }).code,
        retryAfter: res.headers['retry-after'],
        ms: Date.now() - started,
      });
    }
    const upstreamCalls = dataCalls(gw, 'us-west').length;
    expect(upstreamCalls).toBeLessThan(40);
    const open = answers.filter((answer) => answer.status === 503);
    expect(open.length).toBeGreaterThanOrEqual(35);
    for (const answer of open) {
      expect(answer).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryAfter: /^[1-9]\d*$/ });
    }
    const fast = open.map((answer) => answer.ms).sort((a, b) => a - b);
    expect(fast[Math.floor(fast.length / 2)]).toBeLessThan(100);
    // other regions are not affected
    await request(gw.url).get(tasks('eu-west', 0)).set(DEV_KEY).expect(200);
    const metrics = gw.app.get(BudgetMetrics).snapshot();
    expect(metrics.breakerOpen['us-west']).toBe(1);
    expect(metrics.retries['us-west']).toBeGreaterThan(0);
    expect(metrics.budgetRemaining).toContainEqual(
      expect.objectContaining({ profile: 'default', region: 'eu-west', limit: 6000 }),
    );

    // half-open while still failing: five callers at once, one probe reaches GreenLake
    await sleep(OPEN_MS + 200);
    const before = dataCalls(gw, 'us-west').length;
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        getStatus(`${gw.url}${tasks('us-west', 100 + i)}`, DEV_KEY),
      ),
    );
    expect(dataCalls(gw, 'us-west').length - before).toBe(1);

    // the region heals: the next probe after the open time closes the circuit
    gw.simulator.controls.clearFailures();
    const healedAt = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - healedAt < OPEN_MS * 3) {
      status = await getStatus(`${gw.url}${tasks('us-west', 200)}`, DEV_KEY);
      if (status !== 200) {
        await sleep(100);
      }
    }
    expect(status).toBe(200);
    expect(Date.now() - healedAt).toBeLessThan(OPEN_MS + 1_500);
    expect(gw.app.get(BudgetMetrics).snapshot().breakerOpen['us-west']).toBe(0);
  });
});
