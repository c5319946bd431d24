import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { sampleValue } from 'test/utils/metrics-text';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

// Also the one deadline of a token fetch (src/credentials): 300 ms proved too tight on a loaded machine
const UPSTREAM_TIMEOUT_MS = 1_000;
const VMS = '/virtualization/v1beta1/virtual-machines';
const PROXIED_GET = `/v1/regions/us-west/proxy/data-services/v1beta1/async-operations?limit=1`;
const PROXIED_POST = `/v1/regions/us-west/proxy${VMS}`;
const ERROR_KEYS = ['code', 'message', 'requestId', 'statusCode', 'upstream'];

describe('Pass-through: GreenLake failures become the gateway error shape', () => {
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
    // A token in hand, so that faults hit the proxied call and not the first token fetch
    await request(gw.url).get(PROXIED_GET).set(DEV_KEY).expect(200);
    gw.simulator.controls.clearRequests();
  });

  it.each([
    ['GET', 400, 400, 'UPSTREAM_REJECTED'],
    ['POST', 422, 400, 'UPSTREAM_REJECTED'],
    ['GET', 404, 404, 'RESOURCE_NOT_FOUND'],
    ['POST', 409, 409, 'CONFLICT'],
    ['POST', 412, 412, 'PRECONDITION_FAILED'],
    ['GET', 403, 502, 'UPSTREAM_AUTH_FAILED'],
    ['GET', 500, 502, 'UPSTREAM_ERROR'],
    ['POST', 502, 502, 'UPSTREAM_ERROR'],
    ['GET', 503, 502, 'UPSTREAM_ERROR'],
  ])(
    '%s answered %i → %i %s with upstream status and debugId',
    async (method, upstreamStatus, status, code) => {
      gw.simulator.controls.failNext(1, upstreamStatus, { target: 'data' });
      const call =
        method === 'GET'
          ? request(gw.url).get(PROXIED_GET)
          : request(gw.url).post(PROXIED_POST).send({ name: 'vm' });
      const res = await call.set(DEV_KEY).expect(status);
      expect(res.body).toEqual({
        statusCode: status,
        code,
        message: expect.any(String),
        requestId: res.headers['x-request-id'],
        upstream: {
          status: upstreamStatus,
          errorCode: expect.any(String),
          debugId: expect.stringMatching(/^[0-9a-f]{32}$/),
        },
      });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    },
  );

  it("keeps GreenLake's message on a 400 (its validation text is safe to show)", async () => {
    gw.simulator.controls.failNext(1, 400, { target: 'data' });
    const res = await request(gw.url).get(PROXIED_GET).set(DEV_KEY).expect(400);
    expect(res.body.message).toBe('GreenLake rejected the request: Simulated failure (HTTP 400)');
  });

  it('429 → 429 UPSTREAM_RATE_LIMITED with Retry-After', async () => {
    // Another region: the 429 marks us-west's budget spent for 9 s, as it should (src/budget)
    gw.simulator.controls.failNext(1, 429, { target: 'data', retryAfterSeconds: 9 });
    const res = await request(gw.url)
      .post(PROXIED_POST.replace('/us-west/', '/eu-central/'))
      .send({ name: 'vm' })
      .set(DEV_KEY)
      .expect(429);
    expect(res.body.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(res.headers['retry-after']).toBe('9');
  });

  it('a stalled GreenLake → 504 UPSTREAM_TIMEOUT', async () => {
    gw.simulator.controls.addLatency(UPSTREAM_TIMEOUT_MS * 4, { target: 'data' });
    const res = await request(gw.url).get(PROXIED_GET).set(DEV_KEY).expect(504);
    expect(Object.keys(res.body).sort()).toEqual(ERROR_KEYS.filter((key) => key !== 'upstream'));
    expect(res.body.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('a reset connection → 503 UPSTREAM_UNAVAILABLE', async () => {
    gw.simulator.controls.resetNext(1, { target: 'data' });
    const res = await request(gw.url)
      .post(PROXIED_POST)
      .send({ name: 'vm' })
      .set(DEV_KEY)
      .expect(503);
    expect(res.body.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('GreenLake down → 503 UPSTREAM_UNAVAILABLE, and back without a restart', async () => {
    await gw.simulator.controls.goDown();
    const res = await request(gw.url).get(PROXIED_GET).set(DEV_KEY).expect(503);
    expect(res.body.code).toBe('UPSTREAM_UNAVAILABLE');
    await gw.simulator.controls.comeUp();
    await request(gw.url).get(PROXIED_GET).set(DEV_KEY).expect(200);
  });

  it('a refused token: the POST is replayed once, body and all, with a new token', async () => {
    gw.simulator.controls.revokeAllTokens();
    await request(gw.url).post(PROXIED_POST).send({ name: 'replayed' }).set(DEV_KEY).expect(202);
    const posts = gw.simulator.controls.requests({ target: 'data', method: 'POST' });
    expect(posts.map((call) => [call.status, call.body])).toEqual([
      [401, { name: 'replayed' }],
      [202, { name: 'replayed' }],
    ]);
    expect(posts[0].tokenFingerprint).not.toBe(posts[1].tokenFingerprint);
  });

  it('a second 401 in a row → 502 UPSTREAM_AUTH_FAILED', async () => {
    gw.simulator.controls.failNext(2, 401, { target: 'data' });
    const res = await request(gw.url).get(PROXIED_GET).set(DEV_KEY).expect(502);
    expect(res.body.code).toBe('UPSTREAM_AUTH_FAILED');
  });
});

// Its own gateway: the 401 tests above leave the region resting after a refused fresh token
describe('Pass-through: a caller who leaves', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      env: { UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS), GATEWAY_CACHE: 'off' },
    });
    await request(gw.url).get(PROXIED_GET).set(DEV_KEY).expect(200);
  });
  afterAll(() => gw.close());

  it('a caller that leaves ends the upstream read at once, not when GreenLake answers', async () => {
    gw.simulator.controls.addLatency(800, {
      pathPrefix: '/data-services/v1beta1/async-operations',
    });
    const series =
      'gateway_upstream_requests_total{region="us-west",method="GET",status="timeout"}';
    const timeouts = async () =>
      sampleValue((await request(gw.url).get('/metrics').set(DEV_KEY)).text, series) ?? 0;
    const before = await timeouts();
    const leaving = httpRequest(`${gw.url}${PROXIED_GET}`, { headers: DEV_KEY });
    leaving.on('error', () => undefined);
    leaving.end();
    await new Promise((resume) => setTimeout(resume, 150));
    const leftAt = Date.now();
    leaving.destroy();
    let seen = before;
    while (seen === before && Date.now() - leftAt < 2_000) {
      await new Promise((resume) => setTimeout(resume, 25));
      seen = await timeouts();
    }
    // Counted as cancelled well before the 800 ms answer would have come
    expect(seen).toBe(before + 1);
    expect(Date.now() - leftAt).toBeLessThan(500);
  });
});

describe('Pass-through with the 2024 error envelope ({error, errorCode, traceId})', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ simulator: { errorEnvelope: 'legacy' } });
  });
  afterAll(() => gw.close());

  it('reads errorCode, traceId and the message from it', async () => {
    gw.simulator.controls.failNext(1, 422, { target: 'data' });
    const res = await request(gw.url).get(PROXIED_GET).set(DEV_KEY).expect(400);
    expect(res.body).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      message: 'GreenLake rejected the request: Simulated failure (HTTP 422)',
      upstream: {
        status: 422,
        errorCode: expect.any(String),
        debugId: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    expect(res.body).not.toHaveProperty('error');
    expect(res.body).not.toHaveProperty('traceId');
  });
});
