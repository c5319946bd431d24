import request from 'supertest';
import { sha256Hex } from 'src/config/api-keys.parser';
import { startTestJwks, TestJwks } from 'test/utils/jwks-server';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const READER_KEY = 'reader-key-0001';
const WRITER_KEY = 'writer-key-0002';
const HASHED_PLAIN_KEY = 'hashed-plain-key-0003';
const KEYS = [
  `reader:${READER_KEY}:read`,
  `writer:${WRITER_KEY}:read+write`,
  `hashed:sha256:${sha256Hex(HASHED_PLAIN_KEY)}:read`,
].join(',');
const WRITE_ROUTE = '/v1/regions/us-west/proxy/virtualization/v1beta1/virtual-machines';

const ERROR_SHAPE = {
  statusCode: expect.any(Number),
  code: expect.any(String),
  message: expect.any(String),
  requestId: expect.any(String),
};

describe('Caller authentication', () => {
  describe('API keys', () => {
    let gw: TestGateway;

    beforeAll(async () => {
      gw = await startTestGateway({ env: { GATEWAY_API_KEYS: KEYS } });
    });
    afterAll(() => gw.close());

    it('lets a known key through, in X-API-Key or as a bearer token', async () => {
      await request(gw.url).get('/v1/regions').set('X-API-Key', READER_KEY).expect(200);
      await request(gw.url)
        .get('/v1/regions')
        .set('Authorization', `Bearer ${READER_KEY}`)
        .expect(200);
    });

    it('answers no key with 401 UNAUTHENTICATED and a WWW-Authenticate challenge', async () => {
      const res = await request(gw.url).get('/v1/regions').expect(401);
      expect(res.body).toEqual({ ...ERROR_SHAPE, statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(res.body.message).toMatch(/^Missing API key: send X-API-Key/);
      expect(res.headers['www-authenticate']).toBe(
        'ApiKey header="X-API-Key", Bearer realm="greenlake-gateway"',
      );
    });

    it('answers an unknown key with 401, without echoing it', async () => {
      const res = await request(gw.url)
        .get('/v1/regions')
        .set('X-API-Key', 'guessed-key-123456')
        .expect(401);
      expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Unknown API key' });
      expect(res.headers['www-authenticate']).toContain('X-API-Key');
      expect(JSON.stringify(res.body)).not.toContain('guessed-key-123456');
    });

    it.each([
      ['Basic credentials', 'Basic cmVhZGVyOnNlY3JldA=='],
      ['a bearer without a token', 'Bearer'],
      ['a bearer with two tokens', `Bearer ${READER_KEY} extra`],
    ])('answers a malformed Authorization header (%s) with 401', async (_label, header) => {
      const res = await request(gw.url).get('/v1/regions').set('Authorization', header).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      expect(res.body.message).toMatch(/^Malformed Authorization header/);
      expect(res.headers['www-authenticate']).toContain('Bearer');
    });

    it('answers a known key without the scope with 403 FORBIDDEN naming the scope', async () => {
      const res = await request(gw.url)
        .post(WRITE_ROUTE)
        .set('X-API-Key', READER_KEY)
        .send({ name: 'vm-1' })
        .expect(403);
      expect(res.body).toEqual({
        ...ERROR_SHAPE,
        statusCode: 403,
        code: 'FORBIDDEN',
        details: { requiredScope: 'write' },
      });
      expect(res.body.message).toBe('Caller "reader" lacks the "write" scope this route needs');
      expect(gw.simulator.controls.requests({ target: 'data', method: 'POST' })).toHaveLength(0);
    });

    it('accepts a key configured as sha256:<hex>, and not the digest itself', async () => {
      await request(gw.url).get('/v1/regions').set('X-API-Key', HASHED_PLAIN_KEY).expect(200);
      const res = await request(gw.url)
        .get('/v1/regions')
        .set('X-API-Key', sha256Hex(HASHED_PLAIN_KEY))
        .expect(401);
      expect(res.body.message).toBe('Unknown API key');
    });

    it('drops the development key once GATEWAY_API_KEYS is set', async () => {
      await request(gw.url).get('/v1/regions').set('X-API-Key', 'simulator').expect(401);
    });

    it.each(['/health/live', '/health/ready', '/docs-json', '/docs'])(
      'keeps %s public, with or without a key',
      async (path) => {
        await request(gw.url).get(path).redirects(1).expect(200);
        await request(gw.url).get(path).redirects(1).set('X-API-Key', 'not-a-key').expect(200);
      },
    );

    it('never writes a presented key to the logs', () => {
      expect(gw.logs.text()).not.toMatch(
        new RegExp([READER_KEY, WRITER_KEY, HASHED_PLAIN_KEY, 'guessed-key-123456'].join('|')),
      );
    });
  });

  describe('JWT bearer tokens from an identity provider', () => {
    let jwks: TestJwks;
    let gw: TestGateway;

    beforeAll(async () => {
      jwks = await startTestJwks();
      gw = await startTestGateway({
        env: {
          GATEWAY_API_KEYS: KEYS,
          GATEWAY_JWT_JWKS_URL: jwks.url,
          GATEWAY_JWT_ISSUER: jwks.issuer,
          GATEWAY_JWT_AUDIENCE: `other-app,${jwks.audience}`,
          GATEWAY_JWT_SCOPE_PREFIX: 'gateway:',
        },
      });
    });
    afterAll(async () => {
      await gw.close();
      await jwks.close();
    });

    it('accepts a valid token and takes its scopes from the scope claim', async () => {
      const token = await jwks.sign({ scope: 'openid gateway:read' });
      const res = await request(gw.url)
        .get('/v1/regions')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(res.body.defaultRegion).toBe('us-west');
    });

    it('refuses a route whose scope the token lacks, naming the scope', async () => {
      const token = await jwks.sign({ scope: 'gateway:read write' });
      const res = await request(gw.url)
        .post(WRITE_ROUTE)
        .set('Authorization', `Bearer ${token}`)
        .send({})
        .expect(403);
      expect(res.body.message).toBe(
        'Caller "ci-pipeline" lacks the "write" scope this route needs',
      );
    });

    it.each([
      [
        'a bad signature',
        async () => jwks.sign({ scope: 'gateway:read' }, { key: await jwks.strangerKey() }),
        'Bearer token signature is invalid',
      ],
      [
        'an expired token',
        () => jwks.sign({ scope: 'gateway:read' }, { expiresIn: -3600 }),
        'Bearer token has expired',
      ],
      [
        'the wrong audience',
        () => jwks.sign({ scope: 'gateway:read' }, { audience: 'someone-else' }),
        'Bearer token is not meant for this gateway (its "aud" claim does not match)',
      ],
      [
        'the wrong issuer',
        () => jwks.sign({ scope: 'gateway:read' }, { issuer: 'https://evil.example/' }),
        'Bearer token rejected: its "iss" claim does not match',
      ],
      [
        'a key id the identity provider does not publish',
        () => jwks.sign({ scope: 'gateway:read' }, { kid: 'rotated-away' }),
        'Bearer token is not signed with a key the identity provider publishes',
      ],
    ])('refuses %s with 401 UNAUTHENTICATED', async (_label, makeToken, message) => {
      const token = await makeToken();
      const res = await request(gw.url)
        .get('/v1/regions')
        .set('Authorization', `Bearer ${token}`)
        .expect(401);
      expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message });
      expect(res.headers['www-authenticate']).toContain('Bearer');
      expect(JSON.stringify(res.body)).not.toContain(token);
    });

    it('still takes API keys, also as bearer tokens', async () => {
      await request(gw.url).get('/v1/regions').set('X-API-Key', READER_KEY).expect(200);
      await request(gw.url)
        .get('/v1/regions')
        .set('Authorization', `Bearer ${READER_KEY}`)
        .expect(200);
    });

    it('fetches the JWKS once and verifies later tokens from its cache', async () => {
      const before = jwks.fetches();
      for (let i = 0; i < 3; i += 1) {
        const token = await jwks.sign({ scope: 'gateway:read' }, { subject: `svc-${i}` });
        await request(gw.url)
          .get('/v1/regions')
          .set('Authorization', `Bearer ${token}`)
          .expect(200);
      }
      expect(before).toBeGreaterThanOrEqual(1);
      expect(jwks.fetches()).toBe(before);
    });

    it('offers the bearer scheme in Swagger next to the API key', async () => {
      const res = await request(gw.url).get('/docs-json').expect(200);
      expect(res.body.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      });
      expect(res.body.paths['/v1/regions'].get.security).toEqual([
        { 'api-key': [] },
        { bearer: [] },
      ]);
    });

    it('never writes a token to the logs', async () => {
      const token = await jwks.sign({ scope: 'gateway:read' });
      await request(gw.url).get('/v1/regions').set('Authorization', `Bearer ${token}`).expect(200);
      expect(gw.logs.text()).not.toContain(token.split('.')[2]);
    });
  });

  describe('an identity provider that does not answer', () => {
    let jwks: TestJwks;
    let gw: TestGateway;

    beforeAll(async () => {
      jwks = await startTestJwks();
      jwks.delayBy(10_000);
      gw = await startTestGateway({
        env: {
          GATEWAY_API_KEYS: KEYS,
          GATEWAY_JWT_JWKS_URL: jwks.url,
          GATEWAY_JWT_ISSUER: jwks.issuer,
          GATEWAY_JWT_AUDIENCE: jwks.audience,
          GATEWAY_JWT_JWKS_TIMEOUT_MS: '300',
        },
      });
    });
    afterAll(async () => {
      await gw.close();
      await jwks.close();
    });

    it('gives up on the JWKS after its timeout: 503 AUTH_PROVIDER_UNAVAILABLE, not a 401', async () => {
      const token = await jwks.sign({ scope: 'read' });
      const res = await request(gw.url)
        .get('/v1/regions')
        .set('Authorization', `Bearer ${token}`)
        .expect(503);
      expect(res.body).toMatchObject({ code: 'AUTH_PROVIDER_UNAVAILABLE' });
      expect(res.headers['retry-after']).toBe('30');
      expect(gw.logs.text()).toContain('Cannot fetch the JWKS');
      expect(gw.logs.text()).not.toContain(token.split('.')[2]);
    });
  });
});
