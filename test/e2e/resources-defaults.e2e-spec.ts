import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ResourceDefaultsService } from 'src/resources/data-services/resource-defaults.service';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/us-west';
const READER_KEY = 'reader-key-0123456789';
const WRITER_KEY = 'writer-key-0123456789';
const DEFAULTS_YAML = `
resources:
  tasks:
    select: [id, state, displayName]
    sort: updatedAt desc
    filter: "state eq 'RUNNING'"
    cacheTtlSeconds: 2
  issues:
    select: severity
  secrets:
    sort: ''
`;

describe('Server-side defaults from GATEWAY_DEFAULTS_FILE (over HTTP)', () => {
  let gw: TestGateway;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gw-defaults-'));
    const file = join(dir, 'defaults.yaml');
    writeFileSync(file, DEFAULTS_YAML);
    gw = await startTestGateway({
      env: {
        GATEWAY_DEFAULTS_FILE: file,
        GATEWAY_API_KEYS: `reader:${READER_KEY}:read,writer:${WRITER_KEY}:read+write`,
      },
    });
  });
  afterAll(async () => {
    await gw.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => gw.simulator.controls.clearRequests());

  const get = (path: string) =>
    request(gw.url).get(`${REGION}${path}`).set('X-API-Key', READER_KEY).expect(200);
  const lastQuery = () => gw.simulator.controls.requests({ target: 'data' }).at(-1)?.query;

  it('applies the configured select, sort and filter when the caller gives none', async () => {
    const res = await get('/tasks?limit=20');
    expect(lastQuery()).toEqual({
      select: 'id,state,displayName',
      sort: 'updatedAt desc',
      filter: "state eq 'RUNNING'",
      limit: '20',
    });
    expect(res.body.count).toBeGreaterThan(0);
    for (const task of res.body.items) {
      expect(Object.keys(task).sort()).toEqual(['displayName', 'id', 'state']);
      expect(task.state).toBe('RUNNING');
    }
  });

  it('lets the caller override each of them', async () => {
    await get('/tasks?state=SUCCEEDED&fields=id&sort=id');
    expect(lastQuery()).toEqual({ select: 'id', sort: 'id', filter: "state eq 'SUCCEEDED'" });
    await get(`/tasks?filter=${encodeURIComponent("state eq 'FAILED'")}`);
    expect(lastQuery()?.filter).toBe("state eq 'FAILED'");
  });

  it('does not cut a single item down with the list default select', async () => {
    const id = (await get('/tasks?limit=1')).body.items[0].id;
    const res = await get(`/tasks/${id}`);
    expect(lastQuery()).toEqual({});
    expect(res.body).toHaveProperty('resourceUri');
  });

  it('adds the issues required fields to a configured select too', async () => {
    await get('/issues');
    expect(lastQuery()).toEqual({
      select: 'severity,lastOccurredAt,customerId,createdAt,id,resourceUri,generation,type',
      sort: 'createdAt desc',
    });
  });

  it('an empty setting clears a built-in default', async () => {
    await get('/secrets');
    expect(lastQuery()).toEqual({});
  });

  it('shows the defaults in force in the Swagger description of each list route', async () => {
    const docs = await request(gw.url).get('/docs-json').expect(200);
    const ids = Object.values(docs.body.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const tasks: string = docs.body.paths['/v1/regions/{region}/tasks'].get.description;
    expect(tasks).toContain('select (when no `fields`): `id,state,displayName`');
    expect(tasks).toContain('sort (when no `sort`): `updatedAt desc`');
    expect(tasks).toContain("filter (when no filter parameter at all): `state eq 'RUNNING'`");
    // The configured TTL is kept for the response cache, but not promised before anything applies it
    expect(tasks).not.toContain('cache TTL');
    expect(gw.app.get(ResourceDefaultsService).for('tasks').cacheTtlSeconds).toBe(2);
    const secrets: string = docs.body.paths['/v1/regions/{region}/secrets'].get.description;
    expect(secrets).toContain('sort (when no `sort`): none');
    const tags: string = docs.body.paths['/v1/regions/{region}/tags'].get.description;
    expect(tags).toContain('sort (when no `sort`): none');
    expect(tags).toContain("GreenLake's default page is 20 and its maximum 1000");
  });

  it('a software download needs only the read scope; creating a secret needs write', async () => {
    const release = (await get('/software-releases?limit=100')).body.items.find(
      (r: { downloadable: boolean }) => r.downloadable,
    );
    await request(gw.url)
      .post(`${REGION}/software-releases/${release.id}/download`)
      .set('X-API-Key', READER_KEY)
      .send({ file: 'SOFTWARE' })
      .expect(303);
    const secret = { name: 'scoped', service: '', secret: { password: { password: 'x' } } };
    const refused = await request(gw.url)
      .post(`${REGION}/secrets`)
      .set('X-API-Key', READER_KEY)
      .send(secret)
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await request(gw.url)
      .post(`${REGION}/secrets`)
      .set('X-API-Key', WRITER_KEY)
      .send(secret)
      .expect(201);
  });
});
