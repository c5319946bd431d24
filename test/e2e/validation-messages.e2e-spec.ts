import request from 'supertest';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/us-west';

describe('Validation messages say what to do, one per problem', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  const errorsOf = (res: request.Response): string[] => {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    return res.body.details.errors as string[];
  };

  it('POST /secrets without service → "service is required", nothing else about it', async () => {
    const res = await request(gw.url)
      .post(`${REGION}/secrets`)
      .set(DEV_KEY)
      .send({ name: 'n', secret: { generic: { secret: 's' } } });
    expect(errorsOf(res)).toEqual(['service is required']);
  });

  it('limit=abc → one message', async () => {
    const res = await request(gw.url).get(`${REGION}/tasks?limit=abc`).set(DEV_KEY);
    expect(errorsOf(res)).toHaveLength(1);
  });

  it('an unknown query parameter names the closest known one (stat → state)', async () => {
    const res = await request(gw.url).get(`${REGION}/tasks?stat=RUNNING`).set(DEV_KEY);
    expect(errorsOf(res)).toEqual(['property stat should not exist (did you mean state?)']);
  });

  it('an unknown parameter far from every known one gets no guess', async () => {
    const res = await request(gw.url).get(`${REGION}/tasks?zzzzzzzz=1`).set(DEV_KEY);
    expect(errorsOf(res)).toEqual(['property zzzzzzzz should not exist']);
  });

  describe('fields names only selectable properties, refused before any call to GreenLake', () => {
    const ID = '8e594a77-3809-4620-be52-74270abdf60b';
    const TASK_PROPERTIES =
      'id, type, generation, createdAt, updatedAt, resourceUri, customerId, name, state, ' +
      'healthStatus, progressPercent, displayName, userId, services, startedAt, endedAt, ' +
      'logMessages, error, associatedResources, sourceResourceUri, parent, rootOperation, ' +
      'hasChildOperations, subtreeOperationCount, groups, recommendations, additionalDetails, ' +
      'estimatedRunningDurationMinutes, suggestedPollingIntervalSeconds';

    beforeEach(() => gw.simulator.controls.clearRequests());

    it('GET /tasks?fields=id,nmae → 400 naming the misspelt property, its closest match and the selectable ones', async () => {
      const res = await request(gw.url).get(`${REGION}/tasks?fields=id,nmae`).set(DEV_KEY);
      expect(errorsOf(res)).toEqual([
        `fields: unknown property 'nmae' (did you mean 'name'?); selectable: ${TASK_PROPERTIES}`,
      ]);
      expect(res.body.message).toBe(
        `Invalid request: fields: unknown property 'nmae' (did you mean 'name'?); selectable: ${TASK_PROPERTIES}`,
      );
      expect(gw.simulator.controls.requests({ target: 'data' })).toEqual([]);
    });

    it('several unknown properties are named in one message; one far from all gets no guess', async () => {
      const res = await request(gw.url)
        .get(`${REGION}/tasks?fields=${encodeURIComponent('stat, zzzzzzzz,id')}`)
        .set(DEV_KEY);
      expect(errorsOf(res)).toEqual([
        `fields: unknown properties 'stat' (did you mean 'state'?), 'zzzzzzzz'; selectable: ${TASK_PROPERTIES}`,
      ]);
      expect(gw.simulator.controls.requests({ target: 'data' })).toEqual([]);
    });

    it.each([
      ['tasks', '/tasks'],
      ['tasks', `/tasks/${ID}`],
      ['issues', '/issues'],
      ['issues', `/issues/${ID}`],
      ['software-releases', '/software-releases'],
      ['software-releases', `/software-releases/${ID}`],
      ['settings', '/settings'],
      ['dual-auth-operations', '/dual-auth-operations'],
    ] as const)('%s: GET %s?fields=id,colour is the same 400', async (resource, path) => {
      const res = await request(gw.url).get(`${REGION}${path}?fields=id,colour`).set(DEV_KEY);
      const selectable = RESOURCE_CATALOG[resource].select?.properties ?? [];
      expect(selectable.length).toBeGreaterThan(5);
      expect(errorsOf(res)).toEqual([
        `fields: unknown property 'colour'; selectable: ${selectable.join(', ')}`,
      ]);
      expect(gw.simulator.controls.requests({ target: 'data' })).toEqual([]);
    });

    it('a wrong case is unknown too (GreenLake property names are case-sensitive)', async () => {
      const res = await request(gw.url).get(`${REGION}/issues?fields=Severity`).set(DEV_KEY);
      expect(errorsOf(res)[0]).toMatch(
        /^fields: unknown property 'Severity' \(did you mean 'severity'\?\); selectable: id, /,
      );
      expect(gw.simulator.controls.requests({ target: 'data' })).toEqual([]);
    });

    it('a malformed list gets only the syntax message', async () => {
      const res = await request(gw.url).get(`${REGION}/tasks?fields=parent/id`).set(DEV_KEY);
      expect(errorsOf(res)).toEqual([
        'fields must be property names separated by commas, e.g. id,name',
      ]);
    });

    it('selectable fields still reach GreenLake as select (with the issues required ones)', async () => {
      await request(gw.url).get(`${REGION}/issues?fields=severity,body`).set(DEV_KEY).expect(200);
      const [sent] = gw.simulator.controls.requests({ target: 'data' });
      expect(sent.query.select).toBe(
        'severity,body,lastOccurredAt,customerId,createdAt,id,resourceUri,generation,type',
      );
    });
  });
});
