import request from 'supertest';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/eu-central';
const DS = '/data-services/v1beta1';
const MERGE_PATCH = 'application/merge-patch+json';
// Distinctive values, so that any leak into a response or a log line is found
const PASSWORD = 'pw-7f3a9c1e-never-shown';
const NEW_PASSWORD = 'pw-b2d4e6f8-rotated-never-shown';
const BAD_VALUE = 'pw-c0ffee-in-a-bad-body';

describe('Data Services resources: writes (over HTTP)', () => {
  let gw: TestGateway;
  const responses: string[] = [];

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.simulator.controls.clearRequests());

  /** Every response body is kept, so the last test can prove no secret value was ever returned. */
  const keep = (res: request.Response): request.Response => {
    responses.push(res.text ?? '');
    return res;
  };
  const get = async (path: string) =>
    keep(await request(gw.url).get(`${REGION}${path}`).set(DEV_KEY));
  const send = async (
    method: 'post' | 'patch' | 'delete',
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ) => {
    const call = request(gw.url)[method](`${REGION}${path}`).set(DEV_KEY);
    return keep(
      await (body === undefined
        ? call
        : call
            .set('Content-Type', contentType)
            .send(typeof body === 'string' ? body : JSON.stringify(body))),
    );
  };
  const dataCalls = () => gw.simulator.controls.requests({ target: 'data' });

  describe('PATCH /issues/{id} (snooze)', () => {
    it('sends {snoozedFor, generation} as a merge patch, generation as a string', async () => {
      const issue = (await get('/issues?limit=1')).body.items[0];
      gw.simulator.controls.clearRequests();
      const res = await send('patch', `/issues/${issue.id}`, {
        snoozedFor: 'WEEK',
        generation: issue.generation,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: issue.id, snoozed: true, snoozedFor: 'WEEK' });
      expect(res.body.generation).toBe(issue.generation + 1);
      expect(dataCalls()).toEqual([
        expect.objectContaining({
          method: 'PATCH',
          path: `${DS}/issues/${issue.id}`,
          contentType: MERGE_PATCH,
          body: { snoozedFor: 'WEEK', generation: String(issue.generation) },
          status: 200,
        }),
      ]);
    });

    it('accepts application/merge-patch+json from the caller too', async () => {
      const issue = (await get('/issues?limit=1&offset=1')).body.items[0];
      const res = await send(
        'patch',
        `/issues/${issue.id}`,
        { snoozedFor: 'DAY', generation: String(issue.generation) },
        MERGE_PATCH,
      );
      expect(res.status).toBe(200);
      expect(res.body.snoozedFor).toBe('DAY');
    });

    it('a stale generation is a 412 PRECONDITION_FAILED', async () => {
      const issue = (await get('/issues?limit=1&offset=2')).body.items[0];
      const res = await send('patch', `/issues/${issue.id}`, {
        snoozedFor: 'DAY',
        generation: issue.generation + 5,
      });
      expect(res.status).toBe(412);
      expect(res.body).toMatchObject({ code: 'PRECONDITION_FAILED', upstream: { status: 412 } });
    });

    it('bad bodies are a 400 before GreenLake is called', async () => {
      const id = (await get('/issues?limit=1')).body.items[0].id;
      gw.simulator.controls.clearRequests();
      const bad = [
        [
          { snoozedFor: 'YEAR', generation: '1' },
          'snoozedFor must be one of NONE, DAY, WEEK, MONTH, INFINITE',
        ],
        [{ snoozedFor: 'DAY' }, 'generation is required'],
        [
          { snoozedFor: 'DAY', generation: '-1' },
          "generation must be the issue's current generation: a whole number or a string of digits",
        ],
        [
          { snoozedFor: 'DAY', generation: '1', state: 'CLOSED' },
          'property state should not exist',
        ],
      ] as const;
      for (const [body, message] of bad) {
        const res = await send('patch', `/issues/${id}`, body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.errors).toContain(message);
      }
      expect(dataCalls()).toEqual([]);
    });
  });

  describe('PATCH /settings/{id}', () => {
    it('changes currentValue to one of the possibleValues, as a merge patch', async () => {
      const setting = (await get('/settings?limit=1')).body.items[0];
      const possible: string[] = JSON.parse(setting.possibleValues);
      const next = possible.find((value) => value !== setting.currentValue) ?? possible[0];
      gw.simulator.controls.clearRequests();
      const res = await send(
        'patch',
        `/settings/${setting.id}`,
        { currentValue: next },
        MERGE_PATCH,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: setting.id, currentValue: next });
      expect(dataCalls()[0]).toMatchObject({
        method: 'PATCH',
        contentType: MERGE_PATCH,
        body: { currentValue: next },
      });
    });

    it('a value GreenLake does not allow is its 400; a missing one is ours', async () => {
      const setting = (await get('/settings?limit=1')).body.items[0];
      const rejected = await send('patch', `/settings/${setting.id}`, {
        currentValue: 'NOT-A-VALUE',
      });
      expect(rejected.status).toBe(400);
      expect(rejected.body).toMatchObject({ code: 'UPSTREAM_REJECTED', upstream: { status: 400 } });
      expect(rejected.body.message).toContain('possibleValues');
      const missing = await send('patch', `/settings/${setting.id}`, {});
      expect(missing.status).toBe(400);
      expect(missing.body.details.errors).toEqual(['currentValue is required']);
    });
  });

  describe('PATCH /dual-auth-operations/{id} (approve or cancel)', () => {
    it('approves a pending operation once; a second decision is a 412', async () => {
      const pending = (await get('/dual-auth-operations?state=PENDING&limit=100')).body.items;
      expect(pending.length).toBeGreaterThan(1);
      gw.simulator.controls.clearRequests();
      const approved = await send('patch', `/dual-auth-operations/${pending[0].id}`, {
        state: 'APPROVED',
      });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ id: pending[0].id, state: 'APPROVED' });
      expect(dataCalls()[0]).toMatchObject({
        method: 'PATCH',
        path: `${DS}/dual-auth-operations/${pending[0].id}`,
        contentType: MERGE_PATCH,
        body: { state: 'APPROVED' },
      });
      const again = await send('patch', `/dual-auth-operations/${pending[0].id}`, {
        state: 'CANCELLED',
      });
      expect(again.status).toBe(412);
      expect(again.body.code).toBe('PRECONDITION_FAILED');
      const cancelled = await send('patch', `/dual-auth-operations/${pending[1].id}`, {
        state: 'CANCELLED',
      });
      expect(cancelled.body.state).toBe('CANCELLED');
    });

    it('only APPROVED or CANCELLED', async () => {
      const id = (await get('/dual-auth-operations?limit=1')).body.items[0].id;
      const res = await send('patch', `/dual-auth-operations/${id}`, { state: 'PENDING' });
      expect(res.status).toBe(400);
      expect(res.body.details.errors).toContain('state must be APPROVED or CANCELLED');
    });
  });

  describe('secrets', () => {
    let secretId: string;

    it('POST creates it: 201 with Location, the value sent to GreenLake and never returned', async () => {
      const res = await send('post', '/secrets', {
        name: 'e2e-array-credentials',
        service: 'backup-and-recovery',
        description: 'created by the e2e test',
        secret: { basicAuth: { username: 'backup-svc', password: PASSWORD } },
      });
      expect(res.status).toBe(201);
      secretId = res.body.id;
      expect(res.headers.location).toBe(`/v1/regions/eu-central/secrets/${secretId}`);
      expect(res.body).toMatchObject({
        name: 'e2e-array-credentials',
        subclassifier: { name: 'BASIC_AUTH' },
        classifier: { name: 'SECRET' },
      });
      expect(res.body).not.toHaveProperty('secret');
      expect(dataCalls()[0]).toMatchObject({
        method: 'POST',
        path: `${DS}/secrets`,
        contentType: 'application/json',
        body: { secret: { basicAuth: { username: 'backup-svc', password: PASSWORD } } },
      });
      const located = await request(gw.url).get(res.headers.location).set(DEV_KEY).expect(200);
      responses.push(located.text);
      expect(located.body.id).toBe(secretId);
    });

    it('validates the body like GreenLake: exactly one kind of secret, known fields, strings', async () => {
      const base = { name: 'e2e-bad', service: '' };
      const cases = [
        [
          { ...base, secret: {} },
          'secret must be an object with exactly one of: azureSPClient, basicAuth, bearerAuth, certificate, generic, jsonWebToken, oauthClient, password, privateKey, sshKeypair',
        ],
        [
          {
            ...base,
            secret: { password: { password: BAD_VALUE }, generic: { secret: BAD_VALUE } },
          },
          'secret must be an object with exactly one of: azureSPClient, basicAuth, bearerAuth, certificate, generic, jsonWebToken, oauthClient, password, privateKey, sshKeypair (got: password, generic)',
        ],
        [
          { ...base, secret: { kerberos: { ticket: BAD_VALUE } } },
          'secret must be an object with exactly one of: azureSPClient, basicAuth, bearerAuth, certificate, generic, jsonWebToken, oauthClient, password, privateKey, sshKeypair (got: 1 unknown key)',
        ],
        [
          { ...base, secret: { basicAuth: { user: BAD_VALUE } } },
          'secret.basicAuth accepts only username, password',
        ],
        [
          { ...base, secret: { password: {} } },
          'secret.password must be an object with at least one of: password',
        ],
        [
          { ...base, secret: { password: { password: 42 } } },
          'secret.password.password must be a non-empty string of at most 65536 characters',
        ],
        [{ service: '', secret: { password: { password: BAD_VALUE } } }, 'name is required'],
        [{ name: 'x', secret: { password: { password: BAD_VALUE } } }, 'service is required'],
      ] as const;
      for (const [body, message] of cases) {
        const res = await send('post', '/secrets', body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.errors).toContain(message);
      }
      expect(dataCalls()).toEqual([]);
    });

    it('a malformed JSON body is a 400 that does not echo the body', async () => {
      const res = await send(
        'post',
        '/secrets',
        `{"name":"x","secret":{"password":{"password":"${BAD_VALUE}"}`,
      );
      expect(res.status).toBe(400);
      expect(res.text).not.toContain(BAD_VALUE);
    });

    it('a name that exists is a 409 CONFLICT', async () => {
      const res = await send('post', '/secrets', {
        name: 'e2e-array-credentials',
        service: '',
        secret: { password: { password: BAD_VALUE } },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONFLICT');
    });

    it('PATCH rotates the value (same kind) as a merge patch, and never returns it', async () => {
      const res = await send('patch', `/secrets/${secretId}`, {
        secret: { basicAuth: { password: NEW_PASSWORD } },
        description: 'rotated',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: secretId, generation: 2 });
      expect(res.body.domain.properties.DESCRIPTION).toBe('rotated');
      expect(dataCalls()[0]).toMatchObject({
        method: 'PATCH',
        contentType: MERGE_PATCH,
        body: { secret: { basicAuth: { password: NEW_PASSWORD } }, description: 'rotated' },
      });
    });

    it('PATCH refuses another kind (GreenLake), an empty body and a bad value (gateway)', async () => {
      const otherKind = await send('patch', `/secrets/${secretId}`, {
        secret: { password: { password: BAD_VALUE } },
      });
      expect(otherKind.status).toBe(400);
      expect(otherKind.body.code).toBe('UPSTREAM_REJECTED');
      gw.simulator.controls.clearRequests();
      const empty = await send('patch', `/secrets/${secretId}`, {}, MERGE_PATCH);
      expect(empty.status).toBe(400);
      expect(empty.body.details.errors).toEqual([
        'give at least one of secret, description or groups',
      ]);
      const twoKinds = await send('patch', `/secrets/${secretId}`, {
        secret: { basicAuth: { password: BAD_VALUE }, generic: { secret: BAD_VALUE } },
      });
      expect(twoKinds.status).toBe(400);
      expect(dataCalls()).toEqual([]);
    });

    it('GET and list show metadata only', async () => {
      const one = await get(`/secrets/${secretId}`);
      expect(one.status).toBe(200);
      expect(one.body).not.toHaveProperty('secret');
      const list = await get('/secrets?name=e2e-array-credentials');
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([secretId]);
    });

    it('DELETE with safe=true refuses a delete-locked secret (409); without safe it is removed (204)', async () => {
      const all = (await get('/secrets?all=true')).body.items;
      const locked = all.find(
        (s: { domain: { properties?: { LOCK_DELETE?: boolean } } }) =>
          s.domain.properties?.LOCK_DELETE === true,
      );
      expect(locked).toBeDefined();
      gw.simulator.controls.clearRequests();
      const refused = await send('delete', `/secrets/${locked.id}?safe=true`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('CONFLICT');
      expect(dataCalls()[0]).toMatchObject({ method: 'DELETE', query: { safe: 'true' } });
      const removed = await send('delete', `/secrets/${locked.id}`);
      expect(removed.status).toBe(204);
      expect(removed.text).toBe('');
      expect((await get(`/secrets/${locked.id}`)).status).toBe(404);
      const deleted = await send('delete', `/secrets/${secretId}?safe=true`);
      expect(deleted.status).toBe(204);
      expect(
        (await send('delete', `/secrets/${secretId}?safe=maybe`)).body.details.errors,
      ).toContain('safe must be true or false');
    });

    it('a GreenLake failure during a write does not put the value in a log line or the answer', async () => {
      gw.simulator.controls.failNext(1, 500, { target: 'data', method: 'POST' });
      const res = await send('post', '/secrets', {
        name: 'e2e-upstream-failure',
        service: '',
        secret: { password: { password: BAD_VALUE } },
      });
      expect(res.status).toBe(502);
    });

    it('no secret value ever reached a response body or a log line', () => {
      expect(responses.length).toBeGreaterThan(15);
      const everything = `${responses.join('\n')}\n${gw.logs.text()}`;
      for (const value of [PASSWORD, NEW_PASSWORD, BAD_VALUE]) {
        expect(everything).not.toContain(value);
      }
    });
  });

  describe('POST /software-releases/{id}/download', () => {
    it("passes GreenLake's 303 and its Location back to the caller", async () => {
      const releases = (await get('/software-releases?all=true')).body.items;
      const release = releases.find((r: { downloadable: boolean }) => r.downloadable);
      gw.simulator.controls.clearRequests();
      const res = await send('post', `/software-releases/${release.id}/download`, {
        file: 'SOFTWARE',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/downloads\/software-releases\//,
      );
      expect(res.headers.location).toContain(release.software.filename);
      expect(res.body).toEqual({ location: res.headers.location });
      expect(dataCalls()[0]).toMatchObject({
        method: 'POST',
        path: `${DS}/software-releases/${release.id}/download`,
        body: { file: 'SOFTWARE' },
        status: 303,
      });
    });

    it('a release GreenLake denies is a 400 UPSTREAM_REJECTED naming RELEASE_DENIED', async () => {
      const releases = (await get('/software-releases?all=true')).body.items;
      const denied = releases.find((r: { downloadable: boolean }) => !r.downloadable);
      const res = await send('post', `/software-releases/${denied.id}/download`, {
        file: 'SOFTWARE',
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'UPSTREAM_REJECTED',
        upstream: { status: 403, errorCode: 'HPE_GL_DATA_SERVICES_RELEASE_DENIED' },
      });
    });

    it('file must be SOFTWARE or SIGNATURE', async () => {
      const id = (await get('/software-releases?limit=1')).body.items[0].id;
      const res = await send('post', `/software-releases/${id}/download`, { file: 'SOURCE' });
      expect(res.status).toBe(400);
      expect(res.body.details.errors).toContain('file must be one of SOFTWARE, SIGNATURE');
    });
  });
});
