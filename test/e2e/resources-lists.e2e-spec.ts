import request from 'supertest';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/eu-central';
const DS = '/data-services/v1beta1';
const ISSUE_REQUIRED = 'lastOccurredAt,customerId,createdAt,id,resourceUri,generation,type';

describe('Data Services resources: lists, friendly filters and paging (over HTTP)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());
  // Each test checks what reaches GreenLake: cached answers from an earlier test are purged first
  beforeEach(async () => {
    await request(gw.url).delete('/v1/admin/cache').set(DEV_KEY).expect(200);
    gw.simulator.controls.clearRequests();
  });

  const get = (path: string) => request(gw.url).get(`${REGION}${path}`).set(DEV_KEY);
  /** What went upstream: method, path and decoded query of every data call. */
  const upstream = () =>
    gw.simulator.controls
      .requests({ target: 'data' })
      .map(({ method, path, query, status }) => ({ method, path, query, status }));

  const expectInvalid = (res: request.Response, ...messages: unknown[]) => {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.details.errors).toEqual(expect.arrayContaining(messages));
    expect(res.body.requestId).toEqual(expect.any(String));
  };

  describe('GET /tasks', () => {
    it('turns every friendly parameter into its GreenLake condition, AND-ed with filter', async () => {
      const parentId = '8e594a77-3809-4620-be52-74270abdf60b';
      await get(
        `/tasks?service=backup-and-recovery&state=RUNNING&parentId=${parentId}` +
          '&createdAfter=2024-05-01&createdBefore=2024-06-01T12:00:00%2B02:00' +
          `&filter=${encodeURIComponent("displayName eq 'Create datastore'")}`,
      ).expect(200);
      const [call] = upstream();
      expect(call).toMatchObject({ method: 'GET', path: `${DS}/async-operations`, status: 200 });
      expect(call.query.filter).toBe(
        "'backup-and-recovery' in services and state eq 'RUNNING' and " +
          `parent/id eq '${parentId}' and createdAt gt '2024-05-01T00:00:00.000Z' and ` +
          "createdAt lt '2024-06-01T10:00:00.000Z' and displayName eq 'Create datastore'",
      );
    });

    it('really filters: every task returned belongs to the service and state asked for', async () => {
      const res = await get('/tasks?service=backup-and-recovery&state=SUCCEEDED&limit=50').expect(
        200,
      );
      expect(res.body.count).toBeGreaterThan(0);
      for (const task of res.body.items) {
        expect(task.services).toContain('backup-and-recovery');
        expect(task.state).toBe('SUCCEEDED');
      }
    });

    it('sends the default sort, and the caller’s sort (normalised) instead when given', async () => {
      await get('/tasks?limit=5').expect(200);
      await get('/tasks?limit=5&sort=updatedAt%20DESC,%20id').expect(200);
      const [first, second] = upstream();
      expect(first.query).toEqual({ limit: '5', sort: 'createdAt desc' });
      expect(second.query).toEqual({ limit: '5', sort: 'updatedAt desc,id' });
    });

    it('maps fields to select', async () => {
      const res = await get('/tasks?limit=2&fields=id,state').expect(200);
      expect(Object.keys(res.body.items[0]).sort()).toEqual(['id', 'state']);
      expect(upstream()[0].query.select).toBe('id,state');
    });

    it('answers bad inputs with 400 before calling GreenLake', async () => {
      expectInvalid(
        await get('/tasks?limit=1001'),
        'limit must not be greater than 1000 (the GreenLake maximum for tasks)',
      );
      expectInvalid(
        await get('/tasks?sort=color%20asc'),
        "sort cannot use 'color' (sortable: id, name, displayName, state, createdAt, updatedAt, startedAt, endedAt, progressPercent, healthStatus, userId, generation)",
      );
      expectInvalid(
        await get('/tasks?sort=createdAt%20up'),
        "sort direction 'up' must be asc or desc",
      );
      expectInvalid(
        await get('/tasks?createdAfter=2024-02-30'),
        'createdAfter must be an ISO 8601 date (2024-05-01) or date-time with a zone (2024-05-01T12:00:00Z)',
      );
      expectInvalid(
        await get('/tasks?createdBefore=yesterday'),
        'createdBefore must be an ISO 8601 date (2024-05-01) or date-time with a zone (2024-05-01T12:00:00Z)',
      );
      expectInvalid(
        await get('/tasks?state=DONE'),
        'state must be one of INITIALIZED, RUNNING, FAILED, SUCCEEDED, TIMEDOUT, PAUSED, CANCELLED, UNSPECIFIED',
      );
      expectInvalid(await get('/tasks?parentId=42'), 'parentId must be a UUID');
      expectInvalid(
        await get('/tasks?fields=parent/id'),
        'fields must be property names separated by commas, e.g. id,name',
      );
      expectInvalid(
        await get(`/tasks?filter=${encodeURIComponent("state eq 'RUNNING")}`),
        "filter has an unterminated string literal (quote ' is doubled inside)",
      );
      expectInvalid(await get('/tasks?all=yes'), 'all must be true or false');
      expectInvalid(
        await get('/tasks?all=true&maxItems=20000'),
        'maxItems must not be greater than 10000',
      );
      expect(upstream()).toEqual([]);
    });

    it('gets one task, with fields as select', async () => {
      const list = await get('/tasks?limit=1').expect(200);
      const id = list.body.items[0].id;
      gw.simulator.controls.clearRequests();
      const res = await get(`/tasks/${id}?fields=id,displayName`).expect(200);
      expect(res.body).toEqual({ id, displayName: expect.any(String) });
      expect(upstream()[0]).toMatchObject({
        path: `${DS}/async-operations/${id}`,
        query: { select: 'id,displayName' },
      });
    });
  });

  describe('quoting and escaping of filter values', () => {
    it("doubles a quote, so name=o'brien stays one string literal", async () => {
      await get(`/secrets?name=${encodeURIComponent("o'brien")}`).expect(200);
      expect(upstream()[0].query.filter).toBe("name eq 'o''brien'");
    });

    it('cannot be used to add a condition of its own', async () => {
      const attack = "x' or name eq 'admin";
      const res = await get(`/secrets?name=${encodeURIComponent(attack)}`).expect(200);
      expect(upstream()[0].query.filter).toBe("name eq 'x'' or name eq ''admin'");
      // GreenLake reads one literal: no secret has that name
      expect(res.body).toMatchObject({ count: 0, total: 0, items: [] });
    });

    it('finds a value that really contains a quote', async () => {
      const created = await request(gw.url)
        .post(`${REGION}/secrets`)
        .set(DEV_KEY)
        .send({ name: "o'brien's key", service: '', secret: { generic: { secret: 'v' } } })
        .expect(201);
      const res = await get(`/secrets?name=${encodeURIComponent("o'brien's key")}`).expect(200);
      expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    });
  });

  describe('GET /issues', () => {
    it('always adds the seven required fields to select: fields=body is a 200, not a 422', async () => {
      const res = await get('/issues?fields=body&limit=3').expect(200);
      expect(upstream()[0].query.select).toBe(`body,${ISSUE_REQUIRED}`);
      expect(res.body.count).toBe(3);
      expect(Object.keys(res.body.items[0]).sort()).toEqual(
        ['body', ...ISSUE_REQUIRED.split(',')].sort(),
      );
    });

    it('keeps the caller’s order and does not repeat a required field', async () => {
      await get('/issues?fields=severity,id,type').expect(200);
      expect(upstream()[0].query.select).toBe(
        'severity,id,type,lastOccurredAt,customerId,createdAt,resourceUri,generation',
      );
    });

    it('adds them to the select of a single issue too', async () => {
      const list = await get('/issues?limit=1').expect(200);
      const id = list.body.items[0].id;
      gw.simulator.controls.clearRequests();
      await get(`/issues/${id}?fields=severity`).expect(200);
      expect(upstream()[0].query.select).toBe(`severity,${ISSUE_REQUIRED}`);
    });

    it('turns severity, category, state and service into conditions', async () => {
      const res = await get(
        '/issues?severity=CRITICAL&category=PERFORMANCE&state=CREATED&service=data-ops-manager',
      ).expect(200);
      expect(upstream()[0].query).toMatchObject({
        filter:
          "severity eq 'CRITICAL' and category eq 'PERFORMANCE' and state eq 'CREATED' and " +
          "'data-ops-manager' in services",
        sort: 'createdAt desc',
      });
      for (const issue of res.body.items) {
        expect(issue).toMatchObject({ severity: 'CRITICAL', category: 'PERFORMANCE' });
      }
    });

    it('answers bad inputs with 400', async () => {
      expectInvalid(
        await get('/issues?limit=101'),
        'limit must not be greater than 100 (the GreenLake maximum for issues)',
      );
      expectInvalid(
        await get('/issues?severity=URGENT'),
        'severity must be one of CRITICAL, WARNING, INFO, HIGH, MEDIUM, LOW',
      );
      expectInvalid(await get('/issues?limit=0'), 'limit must not be less than 1');
      expectInvalid(await get('/issues/not-a-uuid'), 'issueId must be a UUID');
      expect(upstream()).toEqual([]);
    });
  });

  describe('the raw filter', () => {
    it('is AND-ed after the friendly conditions', async () => {
      await get(
        `/issues?severity=WARNING&filter=${encodeURIComponent("category eq 'CAPACITY'")}`,
      ).expect(200);
      expect(upstream()[0].query.filter).toBe("severity eq 'WARNING' and category eq 'CAPACITY'");
    });

    it("with 'or' cannot be combined with friendly parameters (GreenLake has no parentheses)", async () => {
      const or = "version eq '1.0.0' or version eq '1.1.0'";
      expectInvalid(
        await get(`/software-releases?version=2.0.0&filter=${encodeURIComponent(or)}`),
        "filter uses 'or', which cannot be combined with the other filter parameters (GreenLake has no parentheses); write every condition in filter",
      );
      expect(upstream()).toEqual([]);
      await get(`/software-releases?filter=${encodeURIComponent(or)}`).expect(200);
      expect(upstream()[0].query.filter).toBe(or);
    });

    it('that GreenLake does not understand is a 400 UPSTREAM_REJECTED with its reason', async () => {
      const res = await get(`/tasks?filter=${encodeURIComponent("color eq 'red'")}`).expect(400);
      expect(res.body).toMatchObject({ code: 'UPSTREAM_REJECTED', upstream: { status: 400 } });
      expect(res.body.message).toContain("'color' cannot be filtered on");
    });
  });

  describe('all=true follows the pages', () => {
    it('250 tasks at page size 1000: one call, one list', async () => {
      const res = await get('/tasks?all=true').expect(200);
      expect(res.body).toMatchObject({ count: 250, offset: 0, total: 250 });
      expect(res.body.items).toHaveLength(250);
      expect(upstream().map((call) => call.query)).toEqual([
        { sort: 'createdAt desc', offset: '0', limit: '1000' },
      ]);
    });

    it('120 software releases at page size 100: two calls, every release once', async () => {
      const res = await get('/software-releases?all=true&fields=id,version').expect(200);
      expect(res.body).toMatchObject({ count: 120, offset: 0, total: 120 });
      expect(new Set(res.body.items.map((r: { id: string }) => r.id)).size).toBe(120);
      // select and the default sort on every page, so that the pages line up
      expect(upstream().map((call) => call.query)).toEqual([
        { select: 'id,version', sort: 'id asc', offset: '0', limit: '100' },
        { select: 'id,version', sort: 'id asc', offset: '100', limit: '100' },
      ]);
    });

    it('starts at offset and keeps sort and select on the pages', async () => {
      const res = await get(
        '/software-releases?all=true&offset=30&fields=id,version&sort=version',
      ).expect(200);
      expect(res.body).toMatchObject({ count: 90, offset: 30, total: 120 });
      // 90 remain after offset 30: the first page holds them all
      expect(upstream().map((call) => call.query)).toEqual([
        { select: 'id,version', sort: 'version', offset: '30', limit: '100' },
      ]);
    });

    it('more matches than maxItems: 400 after the first page, before any other', async () => {
      const res = await get('/tasks?all=true&maxItems=100').expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.body.message).toContain(
        'all=true would return 250 tasks, more than maxItems (100)',
      );
      expect(upstream()).toHaveLength(1);
    });

    it('cannot be combined with limit', async () => {
      expectInvalid(
        await get('/tasks?all=true&limit=10'),
        'limit cannot be combined with all=true (all pages are read; bound them with maxItems)',
      );
    });

    it('with a filter returns only the matches, in one envelope', async () => {
      const res = await get('/tasks?all=true&state=SUCCEEDED').expect(200);
      expect(res.body.count).toBe(res.body.total);
      expect(res.body.items.every((task: { state: string }) => task.state === 'SUCCEEDED')).toBe(
        true,
      );
    });
  });

  describe('the other lists', () => {
    it('storage-locations: capability → in capabilities; no paging parameters', async () => {
      const res = await get('/storage-locations?capability=archive').expect(200);
      expect(upstream()[0]).toMatchObject({
        path: `${DS}/storage-locations`,
        query: { filter: "'archive' in capabilities" },
      });
      expect(res.body.count).toBeGreaterThan(0);
      for (const location of res.body.items) {
        expect(location.capabilities).toContain('archive');
      }
      expectInvalid(await get('/storage-locations?limit=5'), 'property limit should not exist');
      expectInvalid(await get('/storage-locations?sort=name'), 'property sort should not exist');
    });

    it('tags: key and value → eq; one sort property only; no fields', async () => {
      const res = await get('/tags?key=environment&value=production').expect(200);
      expect(upstream()[0].query).toEqual({
        filter: "key eq 'environment' and value eq 'production'",
      });
      expect(res.body.items).toEqual([
        expect.objectContaining({ key: 'environment', value: 'production' }),
      ]);
      expectInvalid(
        await get('/tags?sort=key,value'),
        'sort can name only 1 property here (sortable: key, value)',
      );
      expectInvalid(await get('/tags?fields=key'), 'property fields should not exist');
      expectInvalid(
        await get('/tags?limit=1001'),
        'limit must not be greater than 1000 (the GreenLake maximum for tags)',
      );
    });

    it('settings: name → eq, fields → select, and one setting by id', async () => {
      const list = await get('/settings?limit=2&fields=id,name,currentValue').expect(200);
      expect(upstream()[0].query).toEqual({
        limit: '2',
        select: 'id,name,currentValue',
        sort: 'name asc',
      });
      const { id, name } = list.body.items[0];
      const byName = await get(`/settings?name=${encodeURIComponent(name)}`).expect(200);
      expect(byName.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
      const one = await get(`/settings/${id}`).expect(200);
      expect(one.body).toMatchObject({ id, name });
      expectInvalid(
        await get('/settings?limit=500'),
        'limit must not be greater than 100 (the GreenLake maximum for settings)',
      );
    });

    it('secrets: name, service, classifier, subclassifier → eq; no fields; limit up to 120', async () => {
      await get(
        '/secrets?service=backup-and-recovery&classifier=SECRET&subclassifier=PASSWORD',
      ).expect(200);
      expect(upstream()[0].query).toEqual({
        filter:
          "service eq 'backup-and-recovery' and classifier eq 'SECRET' and subclassifier eq 'PASSWORD'",
        sort: 'name asc',
      });
      expectInvalid(
        await get('/secrets?limit=121'),
        'limit must not be greater than 120 (the GreenLake maximum for secrets)',
      );
      expectInvalid(await get('/secrets?fields=name'), 'property fields should not exist');
      expectInvalid(
        await get('/secrets?subclassifier=KERBEROS'),
        'subclassifier must be one of AZURE_SPCLIENT, BASIC_AUTH, BEARER_AUTH, CERTIFICATE, GENERIC, JSON_WEB_TOKEN, OAUTH_CLIENT, PASSWORD, PRIVATE_KEY, SSH_KEYPAIR',
      );
    });

    it('software releases: softwareComponentId and version → eq', async () => {
      const list = await get('/software-releases?limit=1').expect(200);
      const release = list.body.items[0];
      gw.simulator.controls.clearRequests();
      const res = await get(
        `/software-releases?softwareComponentId=${release.softwareComponent.id}&version=${release.version}`,
      ).expect(200);
      expect(upstream()[0].query.filter).toBe(
        `softwareComponent/id eq '${release.softwareComponent.id}' and version eq '${release.version}'`,
      );
      expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([release.id]);
      const one = await get(`/software-releases/${release.id}?fields=id,version`).expect(200);
      expect(one.body).toEqual({ id: release.id, version: release.version });
    });

    it('dual-auth operations: state and requestedByEmail → eq', async () => {
      const res = await get('/dual-auth-operations?state=PENDING&limit=100').expect(200);
      expect(upstream()[0].query).toEqual({
        filter: "state eq 'PENDING'",
        sort: 'requestedAt desc',
        limit: '100',
      });
      expect(res.body.items.every((op: { state: string }) => op.state === 'PENDING')).toBe(true);
      const one = await get(`/dual-auth-operations/${res.body.items[0].id}`).expect(200);
      expect(one.body.id).toBe(res.body.items[0].id);
    });

    it.each([
      ['tasks', 'taskId'],
      ['issues', 'issueId'],
      ['secrets', 'secretId'],
      ['settings', 'settingId'],
      ['software-releases', 'releaseId'],
      ['dual-auth-operations', 'operationId'],
    ])('GET /%s/{id} wants a UUID', async (path, param) => {
      expectInvalid(await get(`/${path}/42`), `${param} must be a UUID`);
      expect(upstream()).toEqual([]);
    });

    it.each([
      ['software-releases', 100, 'software releases'],
      ['dual-auth-operations', 100, 'dual-auth operations'],
    ])('GET /%s: limit over %i is a 400 naming the maximum', async (path, max, label) => {
      expectInvalid(
        await get(`/${path}?limit=${max + 1}`),
        `limit must not be greater than ${max} (the GreenLake maximum for ${label})`,
      );
      expectInvalid(
        await get(`/${path}?sort=color`),
        expect.stringMatching(/^sort cannot use 'color'/),
      );
    });

    it('an unknown id is a 404 RESOURCE_NOT_FOUND; an unknown region a 404 UNKNOWN_REGION', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const path of [
        'tasks',
        'issues',
        'secrets',
        'settings',
        'software-releases',
        'dual-auth-operations',
      ]) {
        const res = await get(`/${path}/${missing}`).expect(404);
        expect(res.body.code).toBe('RESOURCE_NOT_FOUND');
      }
      const res = await request(gw.url).get('/v1/regions/mars/issues').set(DEV_KEY).expect(404);
      expect(res.body.code).toBe('UNKNOWN_REGION');
    });
  });
});
