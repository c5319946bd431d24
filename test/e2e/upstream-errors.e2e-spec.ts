import request from 'supertest';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const TASKS = '/v1/regions/us-west/tasks?limit=1';
// Also the one deadline of a token fetch (src/credentials): 300 ms proved too tight on a loaded machine
const UPSTREAM_TIMEOUT_MS = 1_000;

describe('Upstream failures become 4xx/5xx in the one error shape', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    // No cache, no retries and no breaker here: these tests pin how one upstream answer is mapped
    // (cached answers and STALE are test/e2e/cache.e2e-spec.ts's, retries and the breaker the budget suites')
    gw = await startTestGateway({
      env: {
        UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
        UPSTREAM_RETRIES: '0',
        UPSTREAM_BREAKER_FAILURES: '1000',
        GATEWAY_CACHE: 'off',
      },
    });
  });
  afterAll(() => gw.close());
  beforeEach(async () => {
    await gw.simulator.controls.comeUp();
    gw.simulator.controls.reset();
  });

  const get = (path = TASKS) => request(gw.url).get(path).set(DEV_KEY);

  it.each([
    [500, 502, 'UPSTREAM_ERROR'],
    [503, 502, 'UPSTREAM_ERROR'],
    [400, 400, 'UPSTREAM_REJECTED'],
    [422, 400, 'UPSTREAM_REJECTED'],
    [404, 404, 'RESOURCE_NOT_FOUND'],
    [409, 409, 'CONFLICT'],
    [412, 412, 'PRECONDITION_FAILED'],
    [403, 502, 'UPSTREAM_AUTH_FAILED'],
  ])(
    'upstream %i → %i %s with upstream status and debugId',
    async (upstreamStatus, status, code) => {
      gw.simulator.controls.failNext(1, upstreamStatus, { target: 'data' });
      const res = await get().expect(status);
      expect(res.body).toMatchObject({
        statusCode: status,
        code,
        upstream: { status: upstreamStatus, debugId: expect.stringMatching(/^[0-9a-f]{32}$/) },
      });
    },
  );

  it('upstream 429 → 429 UPSTREAM_RATE_LIMITED with Retry-After passed on', async () => {
    // Another region: the 429 marks us-west's budget spent for 7 s, as it should (src/budget)
    gw.simulator.controls.failNext(1, 429, { target: 'data', retryAfterSeconds: 7 });
    const res = await get('/v1/regions/eu-central/tasks?limit=1').expect(429);
    expect(res.body.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(res.headers['retry-after']).toBe('7');
  });

  it('a stalled upstream → 504 UPSTREAM_TIMEOUT', async () => {
    gw.simulator.controls.addLatency(UPSTREAM_TIMEOUT_MS * 4, { target: 'data' });
    const res = await get().expect(504);
    expect(res.body.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('a reset connection → 503 UPSTREAM_UNAVAILABLE', async () => {
    await get().expect(200); // warm the token so that only the data call is reset
    gw.simulator.controls.resetNext(1, { target: 'data' });
    const res = await get().expect(503);
    expect(res.body.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('GreenLake down → 503, and back without a restart', async () => {
    await get().expect(200);
    await gw.simulator.controls.goDown();
    const res = await get().expect(503);
    expect(res.body.code).toBe('UPSTREAM_UNAVAILABLE');
    await gw.simulator.controls.comeUp();
    await get().expect(200);
  });

  it('revoked tokens: the call is replayed once with a new token and succeeds', async () => {
    await get().expect(200);
    const before = gw.simulator.controls.requests({ target: 'token' }).length;
    gw.simulator.controls.revokeAllTokens();
    await get().expect(200);
    expect(gw.simulator.controls.requests({ target: 'token' }).length).toBe(before + 1);
    const statuses = gw.simulator.controls.requests({ target: 'data' }).map((call) => call.status);
    expect(statuses.slice(-2)).toEqual([401, 200]);
  });

  it('a second 401 in a row → 502 UPSTREAM_AUTH_FAILED', async () => {
    await get().expect(200);
    gw.simulator.controls.failNext(2, 401, { target: 'data' });
    const res = await get().expect(502);
    expect(res.body.code).toBe('UPSTREAM_AUTH_FAILED');
  });

  it('token endpoint failing with no token in hand → 503 TOKEN_UNAVAILABLE with Retry-After', async () => {
    gw.simulator.controls.expireAllTokens();
    gw.simulator.controls.failNext(5, 500, { target: 'token' });
    // the cached token is refused (401), and no new one can be had; another region, because
    // us-west rests after the test above refused a fresh token too (RegionRefusals)
    const res = await get('/v1/regions/ap-northeast/tasks?limit=1').expect(503);
    expect(res.body.code).toBe('TOKEN_UNAVAILABLE');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
  });
});

describe('Refused client credentials', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      simulator: { clients: [{ clientId: 'someone-else', clientSecret: 'not-ours' }] },
    });
  });
  afterAll(() => gw.close());

  it('→ 502 UPSTREAM_AUTH_FAILED, and the secret is in no log line', async () => {
    const res = await request(gw.url).get(TASKS).set(DEV_KEY).expect(502);
    expect(res.body.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(JSON.stringify(res.body)).not.toContain('simulator-secret');
    expect(gw.logs.text()).not.toContain('simulator-secret');
  });
});
