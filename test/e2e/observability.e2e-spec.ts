import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { metricSamples, sampleValue } from 'test/utils/metrics-text';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

type LogEntry = Record<string, unknown>;

/** The access line of one request: written once the answer is out, so wait for it (generously). */
async function accessLineFor(gw: TestGateway, requestId: string): Promise<LogEntry> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = gw.logs
      .entries()
      .filter((entry) => entry.context === 'Access' && entry.requestId === requestId);
    if (lines.length > 0) {
      expect(lines).toHaveLength(1);
      return lines[0];
    }
    if (Date.now() > deadline) {
      throw new Error(`no access line for ${requestId}`);
    }
    await new Promise((resume) => setTimeout(resume, 20));
  }
}

describe('Operations: access log, tracing, metrics', () => {
  let gw: TestGateway;
  const issued: string[] = [];

  beforeAll(async () => {
    gw = await startTestGateway({
      env: {
        GATEWAY_API_KEYS: 'ops:ops-key-000001:read+write+token+admin,reader:read-key-000001:read',
        // Every call here must reach the simulator; a repeated GET would otherwise be a cache HIT
        GATEWAY_CACHE: 'off',
      },
    });
  });
  afterAll(async () => {
    // Nothing secret in any line of the run, captured at debug level
    const text = gw.logs.text();
    for (const secret of ['ops-key-000001', 'read-key-000001', 'simulator-secret']) {
      expect(text).not.toContain(secret);
    }
    expect(issued.length).toBeGreaterThan(0);
    for (const token of issued) {
      expect(text).not.toContain(token);
    }
    await gw.close();
  });
  beforeEach(() => gw.simulator.controls.reset());

  const OPS = { 'X-API-Key': 'ops-key-000001' };

  describe('the access line', () => {
    it('records a 502 with the request id, status, upstream status, duration and debugId', async () => {
      gw.simulator.controls.failNext(1, 500, { target: 'data' });
      const res = await request(gw.url)
        .get('/v1/regions/eu-central/tasks?limit=1')
        .set(OPS)
        .set('x-request-id', 'my-req-001')
        .expect(502);
      const line = await accessLineFor(gw, 'my-req-001');
      expect(line).toMatchObject({
        level: 'warn',
        requestId: 'my-req-001',
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
        method: 'GET',
        route: '/v1/regions/:region/tasks',
        status: 502,
        durationMs: expect.any(Number),
        caller: 'ops',
        region: 'eu-central',
        profile: 'default',
        upstreamStatus: 500,
        upstreamDurationMs: expect.any(Number),
        debugId: res.body.upstream.debugId,
      });
      expect(line.debugId).toMatch(/^[0-9a-f]{32}$/);
    });

    it('puts the request id and trace id on every line the request writes', async () => {
      // A refused token makes UpstreamClient log a warning while it serves the request
      gw.simulator.controls.failNext(1, 401, { target: 'data' });
      await request(gw.url)
        .get('/v1/regions/us-west/tags')
        .set(OPS)
        .set('x-request-id', 'ctx-req-1')
        .set('traceparent', `00-${TRACE_ID}-${CALLER_SPAN}-01`)
        .expect(200);
      await accessLineFor(gw, 'ctx-req-1');
      const lines = gw.logs.entries().filter((entry) => entry.requestId === 'ctx-req-1');
      expect(lines.map((entry) => entry.context)).toEqual(
        expect.arrayContaining(['UpstreamClient', 'Access']),
      );
      for (const entry of lines) {
        expect(entry.traceId).toBe(TRACE_ID);
      }
    });

    it('names levels as pino does and never writes a colour code', async () => {
      await request(gw.url).get('/health/live').expect(200);
      const levels = new Set(gw.logs.entries().map((entry) => entry.level));
      for (const level of levels) {
        expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(level);
      }
      expect(gw.logs.text()).not.toContain('\u001b[');
    });

    it('logs a refused request (401) and an unmatched route with a fixed route label', async () => {
      await request(gw.url)
        .get('/v1/regions/us-west/tags')
        .set('x-request-id', 'anon-1')
        .expect(401);
      await request(gw.url)
        .get(`/nothing/${randomUUID()}`)
        .set('x-request-id', 'lost-1')
        .expect(404);
      expect(await accessLineFor(gw, 'anon-1')).toMatchObject({
        status: 401,
        route: '/v1/regions/:region/tags',
      });
      expect(await accessLineFor(gw, 'lost-1')).toMatchObject({ status: 404, route: 'unmatched' });
    });
  });

  it('logs a token issue without the token', async () => {
    const res = await request(gw.url).get('/v1/token').set(OPS).set('x-request-id', 'tok-1');
    expect(res.status).toBe(200);
    issued.push(res.body.access_token);
    expect(await accessLineFor(gw, 'tok-1')).toMatchObject({ status: 200, route: '/v1/token' });
  });

  describe('tracing', () => {
    it("continues the caller's traceparent to GreenLake, with the B3 headers", async () => {
      gw.simulator.controls.clearRequests();
      await request(gw.url)
        .get('/v1/regions/us-west/tags')
        .set(OPS)
        .set('x-request-id', 'trace-req-1')
        .set('traceparent', `00-${TRACE_ID}-${CALLER_SPAN}-01`)
        .expect(200);
      const [call] = gw.simulator.controls.requests({ target: 'data' });
      expect(call.trace).toMatchObject({
        traceparent: expect.stringMatching(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`)),
        b3TraceId: TRACE_ID,
        b3SpanId: expect.stringMatching(/^[0-9a-f]{16}$/),
        b3Sampled: '1',
      });
      expect(call.trace?.b3SpanId).not.toBe(CALLER_SPAN);
      expect((await accessLineFor(gw, 'trace-req-1')).traceId).toBe(TRACE_ID);
    });

    it('starts a trace when the caller sends none (or a malformed one)', async () => {
      gw.simulator.controls.clearRequests();
      await request(gw.url)
        .get('/v1/regions/us-west/tags')
        .set(OPS)
        .set('traceparent', '00-00000000000000000000000000000000-0000000000000000-01')
        .expect(200);
      const [call] = gw.simulator.controls.requests({ target: 'data' });
      expect(call.trace?.b3TraceId).toMatch(/^[0-9a-f]{32}$/);
      expect(call.trace?.b3TraceId).not.toMatch(/^0+$/);
      expect(call.trace?.traceparent).toContain(call.trace?.b3TraceId);
    });
  });

  describe('Deprecation and Sunset from GreenLake', () => {
    it('are counted by gateway route and logged once per route', async () => {
      gw.simulator.controls.addResponseHeaders(
        { Deprecation: '@1767225600', Sunset: 'Thu, 31 Dec 2026 23:59:59 GMT' },
        { pathPrefix: '/data-services/v1beta1/storage-locations' },
      );
      for (let i = 0; i < 3; i++) {
        await request(gw.url).get('/v1/regions/us-west/storage-locations').set(OPS).expect(200);
      }
      const answered = gw.simulator.controls.requests({
        target: 'data',
        pathPrefix: '/data-services/v1beta1/storage-locations',
      }).length;
      expect(answered).toBeGreaterThanOrEqual(3);
      const metrics = await request(gw.url).get('/metrics').expect(200);
      const route = '/v1/regions/:region/storage-locations';
      expect(
        sampleValue(
          metrics.text,
          `gateway_upstream_deprecated_responses_total{route="${route}",header="deprecation"}`,
        ),
      ).toBe(answered);
      expect(
        sampleValue(
          metrics.text,
          `gateway_upstream_deprecated_responses_total{route="${route}",header="sunset"}`,
        ),
      ).toBe(answered);
      const notices = gw.logs
        .entries()
        .filter((entry) => entry.context === 'Deprecation' && entry.route === route);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        level: 'warn',
        deprecation: '@1767225600',
        sunset: 'Thu, 31 Dec 2026 23:59:59 GMT',
      });
    });
  });

  describe('GET /metrics', () => {
    const DESIGN_NAMES = [
      'gateway_http_requests_total',
      'gateway_http_request_duration_seconds',
      'gateway_upstream_requests_total',
      'gateway_upstream_request_duration_seconds',
      'gateway_token_requests_total',
      'gateway_token_expires_in_seconds',
      'gateway_cache_requests_total',
      'gateway_upstream_budget_remaining',
      'gateway_upstream_breaker_open',
      'gateway_upstream_retries_total',
    ];

    it('is public, in Prometheus text, with every DESIGN.md name and process metrics', async () => {
      await request(gw.url).get('/v1/regions/us-west/tags').set(OPS).expect(200);
      const res = await request(gw.url).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      for (const name of DESIGN_NAMES) {
        expect(res.text).toContain(`# TYPE ${name} `);
      }
      expect(res.text).toContain('# TYPE process_cpu_user_seconds_total counter');
      expect(res.text).toMatch(
        /gateway_http_requests_total\{method="GET",route="\/v1\/regions\/:region\/tags",status="200"\} \d+/,
      );
      expect(res.text).toMatch(
        /gateway_upstream_requests_total\{region="us-west",method="GET",status="200"\} \d+/,
      );
      expect(res.text).toMatch(
        /gateway_token_requests_total\{profile="default",result="success"\} \d+/,
      );
      expect(res.text).not.toContain('ops-key-000001');
    });

    it('keeps the series count flat over 1,000 requests with random ids and paths', async () => {
      const random = (): Promise<unknown>[] => {
        const id = randomUUID();
        const headers = { ...OPS, 'x-request-id': id };
        return [
          `/v1/regions/us-west/issues/${id}`,
          `/v1/regions/${id.slice(0, 8)}/tasks`,
          `/${id}/${id.slice(0, 4)}?q=${id}`,
          `/v1/regions/us-west/proxy/data-services/v1beta1/tags/${id}`,
        ].map((path) => fetch(`${gw.url}${path}`, { headers }).then((res) => res.arrayBuffer()));
      };
      const seriesCount = async (): Promise<number> => {
        const res = await request(gw.url).get('/metrics').expect(200);
        return [...metricSamples(res.text).keys()].filter((key) => key.startsWith('gateway_'))
          .length;
      };
      await Promise.all(random());
      const before = await seriesCount();
      // 1,000 requests, 40 at a time
      for (let round = 0; round < 250; round += 10) {
        await Promise.all([...Array(10)].flatMap(() => random()));
      }
      const after = await seriesCount();
      expect(after).toBe(before);
      const text = (await request(gw.url).get('/metrics')).text;
      expect(text).toContain('route="unmatched"');
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }, 180_000);

    it('shows the token-expiry gauge falling, then renewed', async () => {
      const expiresIn = async (): Promise<number> => {
        const res = await request(gw.url).get('/metrics').expect(200);
        const value = sampleValue(res.text, 'gateway_token_expires_in_seconds{profile="default"}');
        expect(value).toBeDefined();
        return value ?? NaN;
      };
      await request(gw.url).get('/v1/regions/us-west/tags').set(OPS).expect(200);
      const first = await expiresIn();
      expect(first).toBeGreaterThan(0);
      await new Promise((resume) => setTimeout(resume, 2_200));
      const later = await expiresIn();
      expect(later).toBeLessThan(first);
      await request(gw.url).post('/v1/admin/tokens/refresh?profile=default').set(OPS).expect(200);
      const renewed = await expiresIn();
      expect(renewed).toBeGreaterThan(later);
      const res = await request(gw.url).get('/metrics');
      expect(
        sampleValue(res.text, 'gateway_token_requests_total{profile="default",result="success"}'),
      ).toBeGreaterThanOrEqual(2);
    });
  });
});

describe('GET /metrics with GATEWAY_METRICS_PUBLIC=false', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: {
        GATEWAY_METRICS_PUBLIC: 'false',
        GATEWAY_API_KEYS: 'ops:ops-key-000001:admin,reader:read-key-000001:read',
      },
    });
  });
  afterAll(() => gw.close());

  it('needs a caller (401) with the admin scope (403)', async () => {
    await request(gw.url).get('/metrics').expect(401);
    await request(gw.url).get('/metrics').set('X-API-Key', 'read-key-000001').expect(403);
    const res = await request(gw.url)
      .get('/metrics')
      .set('X-API-Key', 'ops-key-000001')
      .expect(200);
    expect(res.text).toContain('gateway_http_requests_total');
  });
});

describe('GET /metrics with the cache and the budget at work', () => {
  let fed: TestGateway;
  const OPS_KEY = { 'X-API-Key': 'simulator' };

  beforeAll(async () => {
    fed = await startTestGateway();
  });
  afterAll(() => fed.close());

  it('is fed by the cache, the budget and the task hub', async () => {
    await request(fed.url).get('/v1/regions/eu-west/settings?limit=3').set(OPS_KEY).expect(200);
    await request(fed.url).get('/v1/regions/eu-west/settings?limit=3').set(OPS_KEY).expect(200);
    const res = await request(fed.url).get('/metrics').expect(200);
    expect(res.text).toMatch(/gateway_cache_requests_total\{result="miss"\} [1-9]/);
    expect(res.text).toMatch(/gateway_cache_requests_total\{result="hit"\} [1-9]/);
    // The simulator sends ratelimit-* on every answer: the budget tracker reads them
    expect(res.text).toMatch(
      /gateway_upstream_budget_remaining\{profile="default",region="eu-west"\} \d+/,
    );
  });
});
