import request from 'supertest';
import { auditLineFor, auditLines } from 'test/utils/audit-log';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const WRITER_KEY = 'writer-key-00001';
const READER_KEY = 'reader-key-00002';
const BROKER_KEY = 'broker-key-00003';
const OPS_KEY = 'ops-key-000000004';
const SECRET_VALUE = 'p4ssw0rd-that-must-never-be-logged';
const KEYS = [
  `writer:${WRITER_KEY}:read+write`,
  `reader:${READER_KEY}:read`,
  `broker:${BROKER_KEY}:token`,
  `ops:${OPS_KEY}:admin`,
].join(',');

// Everything an audit line may hold: no header, query string or body ever
const AUDIT_FIELDS = [
  'time',
  'action',
  'caller',
  'via',
  'scope',
  'method',
  'route',
  'region',
  'profile',
  'upstreamStatus',
  'status',
  'durationMs',
  'requestId',
  'tokenExpiresAt',
  'tokenFingerprint',
];

const BASE_LINE = {
  time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  durationMs: expect.any(Number),
  requestId: expect.any(String),
};

describe('Audit trail', () => {
  let gw: TestGateway;
  const requestIds: string[] = [];
  let counter = 0;
  const issuedTokens: string[] = [];
  const nextId = (label: string): string => {
    const id = `audit-${label}-${(counter += 1)}`;
    requestIds.push(id);
    return id;
  };

  beforeAll(async () => {
    gw = await startTestGateway({ env: { GATEWAY_API_KEYS: KEYS } });
  });
  afterAll(() => gw.close());

  describe('writes', () => {
    it('records a write through the proxy: caller, scope, route template, region, status', async () => {
      const id = nextId('proxy');
      await request(gw.url)
        .post('/v1/regions/eu-central/proxy/virtualization/v1beta1/virtual-machines')
        .set('X-API-Key', WRITER_KEY)
        .set('x-request-id', id)
        .send({ name: 'vm-audit-1' })
        .expect(202);
      const line = await auditLineFor(gw.logs, id);
      expect(line).toMatchObject({
        ...BASE_LINE,
        action: 'write',
        caller: 'writer',
        via: 'api-key',
        scope: 'write',
        method: 'POST',
        route: '/v1/regions/:region/proxy/*',
        region: 'eu-central',
        status: 202,
        requestId: id,
      });
      expect(AUDIT_FIELDS).toEqual(expect.arrayContaining(Object.keys(line)));
    });

    it('records a failed write with the status the caller got', async () => {
      const id = nextId('failed');
      gw.simulator.controls.failNext(1, 503, { target: 'data', method: 'POST' });
      const res = await request(gw.url)
        .post('/v1/regions/us-west/proxy/virtualization/v1beta1/virtual-machines')
        .set('X-API-Key', WRITER_KEY)
        .set('x-request-id', id)
        .send({ name: 'vm-audit-2' });
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(await auditLineFor(gw.logs, id)).toMatchObject({
        action: 'write',
        caller: 'writer',
        status: res.status,
      });
    });

    it('records a write refused for want of scope (403), and never a read', async () => {
      const refused = nextId('refused');
      await request(gw.url)
        .post('/v1/regions/us-west/proxy/virtualization/v1beta1/virtual-machines')
        .set('X-API-Key', READER_KEY)
        .set('x-request-id', refused)
        .send({})
        .expect(403);
      expect(await auditLineFor(gw.logs, refused)).toMatchObject({
        action: 'write',
        caller: 'reader',
        scope: 'write',
        status: 403,
      });
      const read = nextId('read');
      await request(gw.url)
        .get('/v1/regions')
        .set('X-API-Key', READER_KEY)
        .set('x-request-id', read)
        .expect(200);
      await expect(auditLineFor(gw.logs, read, 500)).rejects.toThrow(/no audit line/);
    });

    it('records a secret being created without its value or any part of the body', async () => {
      const id = nextId('secret');
      const res = await request(gw.url)
        .post('/v1/regions/us-west/secrets')
        .set('X-API-Key', WRITER_KEY)
        .set('x-request-id', id)
        .send({
          name: 'payroll-db-credentials',
          service: 'backup-and-recovery',
          secret: { basicAuth: { username: 'backup-svc', password: SECRET_VALUE } },
        });
      const line = await auditLineFor(gw.logs, id);
      expect(line).toMatchObject({
        action: 'write',
        method: 'POST',
        route: '/v1/regions/:region/secrets',
        region: 'us-west',
        status: res.status,
      });
      expect(JSON.stringify(line)).not.toMatch(/payroll-db|backup-svc|basicAuth/);
      expect(AUDIT_FIELDS).toEqual(expect.arrayContaining(Object.keys(line)));
    });
  });

  describe('token issues and admin calls', () => {
    it('records every token issue (GET and POST /v1/token) as a token action', async () => {
      for (const method of ['get', 'post'] as const) {
        const id = nextId(`token-${method}`);
        const res = await request(gw.url)
          [method]('/v1/token')
          .set('X-API-Key', BROKER_KEY)
          .set('x-request-id', id)
          .expect(200);
        issuedTokens.push(res.body.access_token as string);
        expect(await auditLineFor(gw.logs, id)).toMatchObject({
          ...BASE_LINE,
          action: 'token',
          caller: 'broker',
          scope: 'token',
          method: method.toUpperCase(),
          route: '/v1/token',
          status: 200,
          requestId: id,
        });
      }
    });

    it('token issue lines carry the profile, the token fingerprint and expiry (set by the token broker via request.auditContext)', async () => {
      const id = nextId('token-enriched');
      const res = await request(gw.url)
        .get('/v1/token')
        .set('X-API-Key', BROKER_KEY)
        .set('x-request-id', id)
        .expect(200);
      expect(await auditLineFor(gw.logs, id)).toMatchObject({
        action: 'token',
        profile: 'default',
        tokenFingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
        tokenExpiresAt: res.body.expires_at,
      });
    });

    it('records admin calls (POST /v1/admin/tokens/refresh) as admin actions', async () => {
      const id = nextId('admin');
      await request(gw.url)
        .post('/v1/admin/tokens/refresh?profile=default')
        .set('X-API-Key', OPS_KEY)
        .set('x-request-id', id)
        .expect(200);
      expect(await auditLineFor(gw.logs, id)).toMatchObject({
        ...BASE_LINE,
        action: 'admin',
        caller: 'ops',
        scope: 'admin',
        method: 'POST',
        route: '/v1/admin/tokens/refresh',
        status: 200,
        requestId: id,
      });
    });

    it('records a token request refused for want of the token scope', async () => {
      const id = nextId('token-refused');
      await request(gw.url)
        .get('/v1/token')
        .set('X-API-Key', WRITER_KEY)
        .set('x-request-id', id)
        .expect(403);
      expect(await auditLineFor(gw.logs, id)).toMatchObject({
        action: 'token',
        caller: 'writer',
        status: 403,
      });
    });
  });

  // Runs last: it checks what the tests above left in the logs
  describe('the whole trail', () => {
    it('writes one line per audited request, and no key, token or secret value anywhere in the logs', () => {
      const lines = auditLines(gw.logs);
      const audited = requestIds.filter((id) => !id.startsWith('audit-read-'));
      for (const id of audited) {
        expect(lines.filter((line) => line.requestId === id)).toHaveLength(1);
      }
      expect(issuedTokens.length).toBeGreaterThan(0);
      const text = gw.logs.text();
      for (const secret of [
        WRITER_KEY,
        READER_KEY,
        BROKER_KEY,
        OPS_KEY,
        SECRET_VALUE,
        ...issuedTokens,
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    });
  });
});
