import { createHash } from 'node:crypto';
import request from 'supertest';
import { auditLineFor } from 'test/utils/audit-log';
import { rawRequest } from 'test/utils/raw-http';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const READER = { 'X-API-Key': 'reader-key-0001' };
const WRITER = { 'X-API-Key': 'writer-key-0001' };
const PROXY = '/v1/regions/us-west/proxy';
const VMS = '/virtualization/v1beta1/virtual-machines';
const OPERATIONS = '/data-services/v1beta1/async-operations';

const fingerprint = (token: string): string =>
  createHash('sha256').update(token).digest('hex').slice(0, 8);

describe('ANY /v1/regions/{region}/proxy/{path}', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      env: {
        GATEWAY_API_KEYS: 'reader:reader-key-0001:read,writer:writer-key-0001:read+write',
      },
    });
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.simulator.controls.clearRequests());

  const dataCalls = () => gw.simulator.controls.requests({ target: 'data' });

  describe('forwarding', () => {
    it('preserves method, path, repeated query keys, body and content type', async () => {
      await request(gw.url)
        .post(`${PROXY}${VMS}?dryRun=true&tag=a&tag=b&filter=name%20eq%20'x'`)
        .set(WRITER)
        .send({ name: 'web-1', cpu: 2, disks: [{ sizeGiB: 40 }] })
        .expect(202);
      expect(dataCalls()).toEqual([
        expect.objectContaining({
          region: 'us-west',
          method: 'POST',
          path: VMS,
          query: { dryRun: 'true', tag: ['a', 'b'], filter: "name eq 'x'" },
          contentType: 'application/json',
          body: { name: 'web-1', cpu: 2, disks: [{ sizeGiB: 40 }] },
          status: 202,
        }),
      ]);
    });

    it.each(['PUT', 'PATCH', 'DELETE'] as const)('forwards %s', async (method) => {
      const path = `${VMS}/8e594a77-3809-4620-be52-74270abdf60b`;
      const call = request(gw.url)[
        method === 'PUT' ? 'put' : method === 'PATCH' ? 'patch' : 'delete'
      ](`${PROXY}${path}`);
      await (method === 'DELETE' ? call : call.send({ name: 'renamed' })).set(WRITER).expect(202);
      expect(dataCalls().map((call) => [call.method, call.path])).toEqual([[method, path]]);
    });

    it('passes merge-patch, text and binary bodies on unchanged, with their content type', async () => {
      const send = (contentType: string, body: string) =>
        rawRequest(
          gw.url,
          'PATCH',
          `${PROXY}${VMS}/x`,
          { ...WRITER, 'content-type': contentType },
          body,
        );
      await send('application/merge-patch+json', '{"name":"merged"}');
      await send('text/plain; charset=utf-8', 'plain words');
      await send('application/octet-stream', 'raw\u0001bytes');
      expect(dataCalls().map((call) => [call.contentType, call.body])).toEqual([
        ['application/merge-patch+json', { name: 'merged' }],
        ['text/plain; charset=utf-8', 'plain words'],
        ['application/octet-stream', 'raw\u0001bytes'],
      ]);
    });

    it('forwards an action with an empty body, even when it says application/json', async () => {
      await rawRequest(gw.url, 'POST', `${PROXY}${VMS}/vm-1/power-off`, {
        ...WRITER,
        'content-type': 'application/json',
        'content-length': '0',
      });
      const [call] = dataCalls();
      expect(call).toMatchObject({ method: 'POST', path: `${VMS}/vm-1/power-off`, status: 202 });
      expect(call.body).toBeUndefined();
    });

    it("streams GreenLake's answer back with its status and safe headers", async () => {
      const res = await request(gw.url)
        .get(`${PROXY}${OPERATIONS}?limit=2&offset=1`)
        .set(READER)
        .expect(200);
      expect(res.body).toMatchObject({ count: 2, offset: 1, items: expect.any(Array) });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['ratelimit-limit']).toMatch(/^\d+$/);
      expect(res.headers['ratelimit-remaining']).toMatch(/^\d+$/);
      expect(dataCalls()[0].query).toEqual({ limit: '2', offset: '1' });
    });

    it('forwards HEAD as HEAD: no body, the upstream content-length', async () => {
      const res = await rawRequest(gw.url, 'HEAD', `${PROXY}${OPERATIONS}?limit=1`, READER);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
      expect(dataCalls().map((call) => call.method)).toEqual(['HEAD']);
    });

    it("injects the gateway's token and never the caller's Authorization, key or cookies", async () => {
      // The writer's key as a bearer token, plus a cookie: neither may reach GreenLake
      await request(gw.url)
        .get(`${PROXY}${OPERATIONS}?limit=1`)
        .set('Authorization', `Bearer ${WRITER['X-API-Key']}`)
        .set('Cookie', 'session=caller-cookie')
        .expect(200);
      await request(gw.url).get('/v1/regions/us-west/tasks?limit=1').set(READER).expect(200);
      const [proxied, resourceRoute] = dataCalls();
      expect(proxied.tokenFingerprint).toEqual(expect.stringMatching(/^[0-9a-f]{8}$/));
      expect(proxied.tokenFingerprint).not.toBe(fingerprint(WRITER['X-API-Key']));
      expect(proxied.tokenFingerprint).not.toBe(fingerprint(READER['X-API-Key']));
      // The same token the gateway uses for its own routes, issued to the gateway's client
      expect(proxied.tokenFingerprint).toBe(resourceRoute.tokenFingerprint);
      expect(proxied.clientId).toBe('simulator-client');
      expect(proxied.status).toBe(200);
    });

    it('passes a 303 to a download host on unchanged', async () => {
      const releases = await request(gw.url)
        .get(`${PROXY}/data-services/v1beta1/software-releases`)
        .set(READER)
        .expect(200);
      const releaseId = (releases.body.items as { id: string; downloadable?: boolean }[]).find(
        (release) => release.downloadable,
      )?.id;
      expect(releaseId).toEqual(expect.any(String));
      const res = await request(gw.url)
        .post(`${PROXY}/data-services/v1beta1/software-releases/${releaseId}/download`)
        .set(WRITER)
        .send({ file: 'SOFTWARE' })
        .expect(303);
      expect(res.headers.location).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/downloads\/software-releases\//,
      );
    });
  });

  describe('audit', () => {
    it("records GreenLake's status and the canonical region in a write's audit line", async () => {
      await request(gw.url)
        .post(`${PROXY}${VMS}`)
        .set(WRITER)
        .set('x-request-id', 'proxy-audit-1')
        .send({ name: 'audited' })
        .expect(202);
      expect(await auditLineFor(gw.logs, 'proxy-audit-1')).toMatchObject({
        action: 'write',
        route: '/v1/regions/:region/proxy/*',
        region: 'us-west',
        upstreamStatus: 202,
        status: 202,
      });
    });

    it('records the upstream status of a write GreenLake refused', async () => {
      gw.simulator.controls.failNext(1, 409, { target: 'data' });
      await request(gw.url)
        .post(`${PROXY}${VMS}`)
        .set(WRITER)
        .set('x-request-id', 'proxy-audit-2')
        .send({ name: 'refused' })
        .expect(409);
      expect(await auditLineFor(gw.logs, 'proxy-audit-2')).toMatchObject({
        upstreamStatus: 409,
        status: 409,
      });
    });
  });

  describe('errors', () => {
    it('maps GreenLake errors to the gateway shape, never its raw body', async () => {
      const res = await request(gw.url)
        .get(`${PROXY}${VMS}/8e594a77-3809-4620-be52-74270abdf60b`)
        .set(READER)
        .expect(404);
      expect(res.body).toEqual({
        statusCode: 404,
        code: 'RESOURCE_NOT_FOUND',
        message: expect.stringContaining('Not found in GreenLake'),
        requestId: res.headers['x-request-id'],
        upstream: {
          status: 404,
          errorCode: expect.any(String),
          debugId: expect.stringMatching(/^[0-9a-f]{32}$/),
        },
      });
      expect(res.body).not.toHaveProperty('httpStatusCode');
    });

    it('passes GreenLake validation text on in a 400 UPSTREAM_REJECTED (non-JSON body it refuses)', async () => {
      const res = await rawRequest(
        gw.url,
        'POST',
        `${PROXY}${VMS}`,
        { ...WRITER, 'content-type': 'application/xml' },
        '<vm/>',
      );
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        code: 'UPSTREAM_REJECTED',
        message: expect.stringContaining('application/xml is not supported'),
        upstream: { status: 415 },
      });
    });

    it('404 UNKNOWN_REGION before anything is sent', async () => {
      const res = await request(gw.url)
        .get(`/v1/regions/mars/proxy${OPERATIONS}`)
        .set(READER)
        .expect(404);
      expect(res.body.code).toBe('UNKNOWN_REGION');
      expect(dataCalls()).toEqual([]);
    });

    it('413 PAYLOAD_TOO_LARGE for a body over 1 MiB, not forwarded', async () => {
      const res = await rawRequest(
        gw.url,
        'POST',
        `${PROXY}${VMS}`,
        { ...WRITER, 'content-type': 'application/octet-stream' },
        Buffer.alloc(1024 * 1024 + 1, 97),
      );
      expect(res.status).toBe(413);
      expect(res.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(dataCalls()).toEqual([]);
    });

    it("forwards a malformed JSON body as it is: GreenLake's 400 says what is wrong", async () => {
      const res = await rawRequest(
        gw.url,
        'POST',
        `${PROXY}${VMS}`,
        { ...WRITER, 'content-type': 'application/json' },
        '{"name":',
      );
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        code: 'UPSTREAM_REJECTED',
        message: expect.stringContaining('not valid JSON'),
        upstream: { status: 400 },
      });
      expect(dataCalls().map((call) => call.body)).toEqual(['{"name":']);
    });
  });

  describe('scopes', () => {
    it.each(['GET', 'HEAD'])('%s needs read', async (method) => {
      const res = await rawRequest(gw.url, method, `${PROXY}${OPERATIONS}?limit=1`, READER);
      expect(res.status).toBe(200);
    });

    it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
      '%s needs write: 403 FORBIDDEN for a read-only key',
      async (method) => {
        const res = await rawRequest(
          gw.url,
          method,
          `${PROXY}${VMS}`,
          {
            ...READER,
            'content-type': 'application/json',
          },
          '{}',
        );
        expect(res.status).toBe(403);
        expect(res.json).toMatchObject({ code: 'FORBIDDEN', details: { requiredScope: 'write' } });
        expect(dataCalls()).toEqual([]);
      },
    );

    it('401 without a key', async () => {
      await request(gw.url).get(`${PROXY}${OPERATIONS}`).expect(401);
      expect(dataCalls()).toEqual([]);
    });
  });

  describe('path confinement', () => {
    // Sent byte for byte (no client-side normalisation); each must be refused before GreenLake sees it
    const HOSTILE_PATHS: [string, string][] = [
      ['parent segment', '/../../as/token.oauth2'],
      ['parent segment inside', '/virtualization/../../admin'],
      ['current segment', '/./virtualization/v1beta1'],
      ['trailing parent', '/virtualization/v1beta1/..'],
      ['encoded dots', '/%2e%2e/%2e%2e/admin'],
      ['mixed-case encoded dots', '/virtualization/%2E%2e/admin'],
      ['half-encoded dots', '/virtualization/.%2e/admin'],
      ['double-encoded dots', '/virtualization/%252e%252e/admin'],
      ['encoded slash', '/virtualization%2f..%2fadmin'],
      ['upper-case encoded slash', '/virtualization%2F..%2Fadmin'],
      ['double-encoded slash', '/virtualization%252f..%252fadmin'],
      ['encoded backslash', '/virtualization%5c..%5cadmin'],
      ['backslash', '/virtualization\\..\\admin'],
      ['protocol-relative host', '//evil.example/steal'],
      ['empty segment', '/virtualization//v1beta1'],
      ['absolute URL', '/http://evil.example/steal'],
      ['scheme in first segment', '/https:evil.example'],
      ['encoded absolute URL', '/http%3a%2f%2fevil.example'],
      ['overlong UTF-8 dot', '/virtualization/%c0%ae%c0%ae/admin'],
      ['invalid escape', '/virtualization/%zz'],
      ['NUL byte', '/virtualization/v1beta1%00.json'],
      ['encoded newline', '/virtualization/v1beta1%0d%0aHost:%20evil'],
      ['non-ASCII look-alike slash', '/virtualization%ef%bc%8f..%ef%bc%8fadmin'],
      ['nothing after /proxy/', '/'],
    ];
    // Swagger UI's form: every "/" after the first sent as %2F; decoded once, then the same checks
    HOSTILE_PATHS.push(
      ...HOSTILE_PATHS.filter(([, path]) => path.slice(1).includes('/')).map(
        ([name, path]): [string, string] => [
          `${name}, %2F-encoded`,
          `/${path.slice(1).replaceAll('/', '%2F')}`,
        ],
      ),
    );

    it.each(HOSTILE_PATHS)('refuses %s with 400 VALIDATION_FAILED', async (_name, path) => {
      const res = await rawRequest(gw.url, 'GET', `${PROXY}${path}`, READER);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
    });

    it("accepts Swagger UI's form: the path with %2F, the query string in gw-query", async () => {
      const query = encodeURIComponent("limit=2&filter=key eq 'environment'");
      const res = await rawRequest(
        gw.url,
        'GET',
        `${PROXY}/data-services%2Fv1beta1%2Ftags?gw-query=${query}`,
        READER,
      );
      expect(res.status).toBe(200);
      expect(dataCalls().map((call) => [call.path, call.query])).toEqual([
        ['/data-services/v1beta1/tags', { limit: '2', filter: "key eq 'environment'" }],
      ]);
    });

    it('refuses an absolute-form request target', async () => {
      const res = await rawRequest(gw.url, 'GET', `http://evil.example${PROXY}${VMS}`, READER);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('refuses the same paths for writes', async () => {
      const res = await rawRequest(
        gw.url,
        'POST',
        `${PROXY}/virtualization/%2e%2e/x`,
        {
          ...WRITER,
          'content-type': 'application/json',
        },
        '{}',
      );
      expect(res.status).toBe(400);
    });

    it('sent none of them to GreenLake', async () => {
      for (const [, path] of HOSTILE_PATHS) {
        await rawRequest(gw.url, 'GET', `${PROXY}${path}`, READER);
      }
      expect(gw.simulator.controls.requests()).toEqual([]);
    });

    it('accepts ids with ":" and plain %-escapes of safe characters', async () => {
      await rawRequest(
        gw.url,
        'GET',
        `${PROXY}/data-services/v1beta1/storage-locations/aws:us-east-1`,
        READER,
      );
      await rawRequest(gw.url, 'GET', `${PROXY}/data-services/v1beta1/%74ags`, READER);
      expect(dataCalls().map((call) => call.path)).toEqual([
        '/data-services/v1beta1/storage-locations/aws:us-east-1',
        '/data-services/v1beta1/tags',
      ]);
    });
  });

  it('other routes still refuse content types they do not parse (415)', async () => {
    const res = await rawRequest(
      gw.url,
      'POST',
      '/v1/token',
      { ...WRITER, 'content-type': 'application/xml' },
      '<x/>',
    );
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
