import request from 'supertest';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const ERROR_SHAPE = {
  statusCode: expect.any(Number),
  code: expect.any(String),
  message: expect.any(String),
  requestId: expect.any(String),
};

describe('Gateway foundation (simulator mode, over HTTP)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.simulator.controls.clearRequests());

  describe('GET /health/*', () => {
    it('answers liveness without a key', async () => {
      const res = await request(gw.url).get('/health/live').expect(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('is ready when a token can be had, and reports redis as disabled without REDIS_URL', async () => {
      const res = await request(gw.url).get('/health/ready').expect(200);
      expect(res.body).toEqual({
        status: 'ok',
        checks: { redis: { status: 'disabled' }, tokens: { default: { status: 'up' } } },
      });
    });
  });

  describe('GET /v1/regions', () => {
    it('lists the four regions, the legacy hosts and the default', async () => {
      const res = await request(gw.url).get('/v1/regions').set(DEV_KEY).expect(200);
      expect(res.body.items.map((region: { name: string }) => region.name)).toEqual([
        'us-west',
        'eu-west',
        'eu-central',
        'ap-northeast',
        'us1',
        'eu1',
        'jp1',
      ]);
      expect(res.body.defaultRegion).toBe('us-west');
      expect(res.body.count).toBe(7);
      expect(res.body.items[0]).toEqual({
        name: 'us-west',
        baseUrl: gw.simulator.regionUrls['us-west'],
        aliases: [],
        legacy: false,
        default: true,
      });
    });

    it('needs a key: 401 UNAUTHENTICATED with WWW-Authenticate', async () => {
      const res = await request(gw.url).get('/v1/regions').expect(401);
      expect(res.body).toEqual({ ...ERROR_SHAPE, statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(res.headers['www-authenticate']).toContain('X-API-Key');
    });

    it('refuses an unknown key', async () => {
      const res = await request(gw.url)
        .get('/v1/regions')
        .set('X-API-Key', 'not-a-key')
        .expect(401);
      expect(res.body.message).toBe('Unknown API key');
    });

    it('accepts the development key as a bearer token too', async () => {
      await request(gw.url).get('/v1/regions').set('Authorization', 'Bearer simulator').expect(200);
    });
  });

  describe('request ids and the one error shape', () => {
    it('echoes an acceptable x-request-id, in the header and in error bodies', async () => {
      const res = await request(gw.url)
        .get('/v1/nowhere')
        .set(DEV_KEY)
        .set('x-request-id', 'trace-123')
        .expect(404);
      expect(res.headers['x-request-id']).toBe('trace-123');
      expect(res.body).toEqual({
        ...ERROR_SHAPE,
        statusCode: 404,
        code: 'ROUTE_NOT_FOUND',
        requestId: 'trace-123',
      });
    });

    it('replaces an unsafe x-request-id with a generated one', async () => {
      const res = await request(gw.url)
        .get('/health/live')
        .set('x-request-id', 'bad id\twith spaces')
        .expect(200);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers bad query parameters with 400 VALIDATION_FAILED listing each problem', async () => {
      const res = await request(gw.url)
        .get('/v1/regions/us-west/tasks?limit=5000&offset=-1&bogus=1')
        .set(DEV_KEY)
        .expect(400);
      expect(res.body).toEqual({
        ...ERROR_SHAPE,
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        details: { errors: expect.any(Array) },
      });
      expect(res.body.details.errors).toEqual(
        expect.arrayContaining([
          'limit must not be greater than 1000 (the GreenLake maximum for tasks)',
          'offset must not be less than 0',
          'property bogus should not exist',
        ]),
      );
      expect(gw.simulator.controls.requests({ target: 'data' })).toHaveLength(0);
    });

    it('answers an unknown region with 404 UNKNOWN_REGION listing the known ones', async () => {
      const res = await request(gw.url).get('/v1/regions/mars/tasks').set(DEV_KEY).expect(404);
      expect(res.body.code).toBe('UNKNOWN_REGION');
      expect(res.body.message).toContain('us-west, eu-west, eu-central, ap-northeast');
      expect(res.body.details.knownRegions).toHaveLength(7);
    });

    it('refuses an unknown region at the edge, before the query is validated or anything is sent', async () => {
      const res = await request(gw.url)
        .get('/v1/regions/mars/tasks?limit=abc&bogus=1')
        .set(DEV_KEY)
        .expect(404);
      expect(res.body.code).toBe('UNKNOWN_REGION');
      expect(gw.simulator.controls.requests()).toHaveLength(0);
    });

    it('resolves a region alias case-insensitively once, for the whole call', async () => {
      const res = await request(gw.url).get('/v1/regions/EU-Central/tasks?limit=1').set(DEV_KEY);
      expect(res.status).toBe(200);
      expect(gw.simulator.controls.requests({ target: 'data' })[0]?.region).toBe('eu-central');
    });
  });

  describe('a call through the gateway reaches the simulator', () => {
    it('lists tasks with a bearer token the caller never sees', async () => {
      const res = await request(gw.url)
        .get('/v1/regions/eu-central/tasks?limit=5')
        .set(DEV_KEY)
        .set('x-request-id', 'e2e-1')
        .expect(200);
      expect(res.body).toMatchObject({ count: 5, offset: 0, total: 250 });
      expect(res.body.items[0]).toMatchObject({
        type: 'task',
        resourceUri: expect.stringMatching(/^\/data-services\/v1beta1\/async-operations\//),
      });
      const [call] = gw.simulator.controls.requests({ target: 'data' });
      expect(call).toMatchObject({
        region: 'eu-central',
        method: 'GET',
        path: '/data-services/v1beta1/async-operations',
        query: { limit: '5' },
        tokenFingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
        status: 200,
      });
    });

    it('gets one task by id, and maps an unknown id to 404 RESOURCE_NOT_FOUND with upstream info', async () => {
      const list = await request(gw.url)
        .get('/v1/regions/us-west/tasks?limit=1')
        .set(DEV_KEY)
        .expect(200);
      const id = list.body.items[0].id as string;
      const one = await request(gw.url)
        .get(`/v1/regions/us-west/tasks/${id}`)
        .set(DEV_KEY)
        .expect(200);
      expect(one.body.id).toBe(id);
      const missing = await request(gw.url)
        .get('/v1/regions/us-west/tasks/00000000-0000-4000-8000-000000000000')
        .set(DEV_KEY)
        .expect(404);
      expect(missing.body).toMatchObject({
        code: 'RESOURCE_NOT_FOUND',
        upstream: { status: 404, debugId: expect.any(String) },
      });
    });

    it('fetches one token for many calls', async () => {
      await Promise.all(
        Array.from({ length: 20 }, () =>
          request(gw.url).get('/v1/regions/us-west/tasks?limit=1').set(DEV_KEY).expect(200),
        ),
      );
      expect(gw.simulator.controls.requests({ target: 'token' }).length).toBeLessThanOrEqual(1);
    });
  });

  describe('GET /docs and /docs-json', () => {
    it('serves the OpenAPI document with the API-key scheme, publicly', async () => {
      const res = await request(gw.url).get('/docs-json').expect(200);
      expect(res.body.components.securitySchemes['api-key']).toEqual({
        type: 'apiKey',
        name: 'X-API-Key',
        in: 'header',
        description: expect.any(String),
      });
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining(['/v1/regions', '/health/live', '/v1/regions/{region}/tasks']),
      );
      expect(res.body.paths['/v1/regions'].get.operationId).toBe('listRegions');
      expect(res.body.paths['/v1/regions'].get.security).toEqual([{ 'api-key': [] }]);
    });

    it('serves Swagger UI', async () => {
      const res = await request(gw.url).get('/docs').redirects(1).expect(200);
      expect(res.text).toContain('swagger-ui');
    });
  });
});
