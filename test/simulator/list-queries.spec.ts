import { type RunningSimulator, startSimulator } from 'src/simulator';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import type { GreenLakeErrorWire, LegacyErrorWire } from 'src/upstream/wire/error.wire';
import type { IssueWire, IssuesMetadataWire } from 'src/upstream/wire/issue.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type { SecretWire } from 'src/upstream/wire/secret.wire';
import type { SoftwareReleaseWire } from 'src/upstream/wire/software-release.wire';
import type { StorageLocationWire } from 'src/upstream/wire/storage-location.wire';
import type { TagWire } from 'src/upstream/wire/tag.wire';
import { DS, type RegionApi, connect } from './simulator-harness';

const ISSUE_MINIMUM = 'lastOccurredAt,customerId,createdAt,id,resourceUri,generation,type';

describe('list queries', () => {
  let sim: RunningSimulator;
  let api: RegionApi;

  beforeAll(async () => {
    sim = await startSimulator();
    api = await connect(sim);
  });
  afterAll(() => sim.stop());

  const list = async <T>(path: string): Promise<ListWire<T>> => {
    const reply = await api.get<ListWire<T>>(path);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const q = encodeURIComponent;

  describe('filter operators', () => {
    it('eq and in (value list) on issues', async () => {
      const critical = await list<IssueWire>(
        `${DS}/issues?limit=100&filter=${q("severity eq 'CRITICAL'")}`,
      );
      expect(critical.total).toBeGreaterThan(0);
      expect(critical.items.every((issue) => issue.severity === 'CRITICAL')).toBe(true);
      const two = await list<IssueWire>(
        `${DS}/issues?limit=100&filter=${q("severity in ('CRITICAL','WARNING')")}`,
      );
      expect(new Set(two.items.map((issue) => issue.severity))).toEqual(
        new Set(['CRITICAL', 'WARNING']),
      );
      expect(two.total).toBeLessThan(40);
    });

    it('gt and lt on timestamps', async () => {
      const all = await list<IssueWire>(`${DS}/issues?limit=100&sort=createdAt asc`);
      const middle = all.items[20].createdAt;
      const after = await list<IssueWire>(
        `${DS}/issues?limit=100&filter=${q(`createdAt gt '${middle}'`)}`,
      );
      const before = await list<IssueWire>(
        `${DS}/issues?limit=100&filter=${q(`createdAt lt '${middle}'`)}`,
      );
      expect(after.items.every((issue) => issue.createdAt > middle)).toBe(true);
      expect(before.items.every((issue) => issue.createdAt < middle)).toBe(true);
      expect(after.total! + before.total!).toBe(39);
    });

    it("'value' in an array property, and a nested path (parent/id)", async () => {
      const backups = await list<AsyncOperationWire>(
        `${DS}/async-operations?limit=1000&filter=${q("'backup-and-recovery' in services")}`,
      );
      expect(backups.total).toBeGreaterThan(50);
      expect(
        backups.items.every((operation) => operation.services?.includes('backup-and-recovery')),
      ).toBe(true);

      const all = await list<AsyncOperationWire>(`${DS}/async-operations?limit=1000`);
      const parent = all.items.find((operation) => operation.hasChildOperations)!;
      const children = await list<AsyncOperationWire>(
        `${DS}/async-operations?filter=${q(`parent/id eq '${parent.id}'`)}`,
      );
      expect(children.total).toBe(parent.subtreeOperationCount);
      expect(children.items.every((child) => child.parent?.id === parent.id)).toBe(true);
      const unquoted = await list<AsyncOperationWire>(
        `${DS}/async-operations?filter=${q(`parent/id eq ${parent.id}`)}`,
      );
      expect(unquoted.total).toBe(children.total);
    });

    it('ne, startswith and and on tags', async () => {
      const all = await list<TagWire>(`${DS}/tags?limit=1000`);
      const notEnvironment = await list<TagWire>(
        `${DS}/tags?limit=1000&filter=${q("key ne 'environment'")}`,
      );
      expect(notEnvironment.total).toBe(
        all.items.filter((tag) => tag.key !== 'environment').length,
      );
      const hou = await list<TagWire>(
        `${DS}/tags?limit=1000&filter=${q("startswith(value,'Hou') and key eq 'location'")}`,
      );
      expect(hou.items.length).toBeGreaterThan(0);
      expect(hou.items.every((tag) => tag.value?.startsWith('Hou') && tag.key === 'location')).toBe(
        true,
      );
    });

    it('contains() is case-insensitive on secrets, eq is exact', async () => {
      const upper = await list<SecretWire>(
        `${DS}/secrets?limit=120&filter=${q("contains(name,'BASICAUTH')")}`,
      );
      expect(upper.total).toBe(3);
      const exact = upper.items[0].name;
      expect(
        (await list<SecretWire>(`${DS}/secrets?filter=${q(`name eq '${exact}'`)}`)).total,
      ).toBe(1);
      expect(
        (await list<SecretWire>(`${DS}/secrets?filter=${q(`name eq '${exact.toUpperCase()}'`)}`))
          .total,
      ).toBe(0);
      expect(
        (await list<SecretWire>(`${DS}/secrets?filter=${q("subclassifier eq 'PASSWORD'")}`)).total,
      ).toBe(3);
    });

    it("reads '' as an escaped quote", async () => {
      const created = await api.write('POST', `${DS}/secrets`, {
        name: "O'Brien",
        service: '',
        secret: { password: { password: 'p' } },
      });
      expect(created.status).toBe(200);
      const found = await list<SecretWire>(`${DS}/secrets?filter=${q("name eq 'O''Brien'")}`);
      expect(found.items.map((secret) => secret.name)).toEqual(["O'Brien"]);
    });

    it('or, in and uuids (quoted or not) on software-releases', async () => {
      const all = await list<SoftwareReleaseWire>(`${DS}/software-releases?limit=100`);
      const [first, second] = [all.items[0], all.items[1]];
      const either = await list<SoftwareReleaseWire>(
        `${DS}/software-releases?filter=${q(`version eq '${first.version}' or version eq '${second.version}'`)}`,
      );
      expect(either.items.map((release) => release.id)).toEqual(
        expect.arrayContaining([first.id, second.id]),
      );
      const componentId = first.softwareComponent!.id!;
      for (const literal of [componentId, `'${componentId}'`]) {
        const ofComponent = await list<SoftwareReleaseWire>(
          `${DS}/software-releases?filter=${q(`softwareComponent/id eq ${literal} and version in ('${first.version}')`)}`,
        );
        expect(ofComponent.items.map((release) => release.id)).toContain(first.id);
        expect(
          ofComponent.items.every((release) => release.softwareComponent?.id === componentId),
        ).toBe(true);
      }
    });

    it("'x' in capabilities on storage-locations", async () => {
      const all = await list<StorageLocationWire>(`${DS}/storage-locations`);
      const backup = await list<StorageLocationWire>(
        `${DS}/storage-locations?filter=${q("'backup-and-recovery' in capabilities")}`,
      );
      expect(all.total).toBe(12);
      expect(backup.total).toBeLessThan(12);
      expect(
        backup.items.every((location) => location.capabilities.includes('backup-and-recovery')),
      ).toBe(true);
    });
  });

  describe('rejected filters', () => {
    it.each([
      ['tags', "colour eq 'red'", /'colour' cannot be filtered on/],
      ['tags', "key ge 'a'", /operator 'ge'/],
      ['tags', "(key eq 'a')", /grouping with parentheses/],
      ['tags', "key eq 'a' or key eq 'b'", /'or' is not supported/],
      ['tags', "key eq 'abc", /unterminated string/],
      ['tags', "key eq 'a' garbage", /after the end of the expression/],
      ['tags', 'key eq Houston', /must compare a property with a value/],
      ['issues', "severity gt 'A'", /'gt' is not supported on 'severity'/],
      [
        'issues',
        "services eq 'x'",
        /not supported on the array 'services': write '<value>' in services/,
      ],
      ['secrets', "contains(status,'x')", /'contains' is not supported on 'status'/],
      ['secret-assignments', "goal in ('A')", /'in' is not supported on 'goal'/],
      ['async-operations', "createdAt gt 'not a date'", /RFC 3339/],
      ['software-releases', "name eq 'x'", /'name' cannot be filtered on/],
      ['storage-locations', "city eq 'Tokyo'", /'city' cannot be filtered on/],
      ['dual-auth-operations', "state eq 'PENDING' and", /expected a property or a value/],
      ['settings', "name eq 'A' && state eq 'B'", /unexpected '&&'/],
    ])('%s: %s', async (resource, filter, message) => {
      const reply = await api.get<GreenLakeErrorWire>(`${DS}/${resource}?filter=${q(filter)}`);
      expect(reply.status).toBe(400);
      expect(reply.body.httpStatusCode).toBe(400);
      expect(reply.body.message).toMatch(message);
      expect(reply.body.message).toContain(filter);
    });

    it('uses INVALID_PARAMETER on async-operations and HPE_GL codes elsewhere', async () => {
      const operations = await api.get<GreenLakeErrorWire>(
        `${DS}/async-operations?filter=${q('nope eq 1')}`,
      );
      const issues = await api.get<GreenLakeErrorWire>(`${DS}/issues?filter=${q('nope eq 1')}`);
      expect(operations.body.errorCode).toBe('INVALID_PARAMETER');
      expect(issues.body.errorCode).toBe('HPE_GL_ERROR_BAD_REQUEST');
    });
  });

  describe('select', () => {
    it('projects top-level properties on lists and single resources', async () => {
      const page = await list<Partial<AsyncOperationWire>>(
        `${DS}/async-operations?limit=2&select=id,state`,
      );
      expect(page.items.map((item) => Object.keys(item).sort())).toEqual([
        ['id', 'state'],
        ['id', 'state'],
      ]);
      const one = await api.get<Record<string, unknown>>(
        `${DS}/async-operations/${page.items[0].id}?select=displayName`,
      );
      expect(Object.keys(one.body)).toEqual(['displayName']);
      const tags = await list<Partial<TagWire>>(`${DS}/tags?limit=1&select=key,value`);
      expect(Object.keys(tags.items[0]).sort()).toEqual(['key', 'value']);
    });

    it('answers 400 for an unknown or nested property', async () => {
      const unknown = await api.get<GreenLakeErrorWire>(`${DS}/software-releases?select=id,colour`);
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toMatch(/unknown property 'colour'/);
      const nested = await api.get<GreenLakeErrorWire>(
        `${DS}/software-releases?select=softwareComponent/id`,
      );
      expect(nested.status).toBe(400);
      expect(nested.body.message).toMatch(/nested properties/);
    });

    it('is ignored on secrets, which take no select', async () => {
      const page = await list<SecretWire>(`${DS}/secrets?limit=1&select=name`);
      expect(page.items[0]).toHaveProperty('subclassifier');
    });
  });

  describe('the issues select minimum', () => {
    it('answers 422 naming the missing fields, and 200 once they are there', async () => {
      const missing = await api.get<GreenLakeErrorWire>(`${DS}/issues?select=body,id`);
      expect(missing.status).toBe(422);
      expect(missing.body.message).toBe(
        'Missing required field(s) - "lastOccurredAt,customerId,createdAt,resourceUri,generation,type"',
      );
      const fixed = await list<Partial<IssueWire>>(`${DS}/issues?select=body,${ISSUE_MINIMUM}`);
      expect(Object.keys(fixed.items[0]).sort()).toEqual(
        [...ISSUE_MINIMUM.split(','), 'body'].sort(),
      );
    });

    it('answers with the 2024 body in legacy mode', async () => {
      const legacy = await startSimulator({ errorEnvelope: 'legacy' });
      try {
        const reply = await (
          await connect(legacy)
        ).get<LegacyErrorWire>(`${DS}/issues?select=body`);
        expect(reply.status).toBe(422);
        expect(reply.body).toEqual({
          error: `Missing required field(s) - "${ISSUE_MINIMUM}"`,
          errorCode: '422',
          traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
        });
      } finally {
        await legacy.stop();
      }
    });
  });

  describe('sort', () => {
    it('sorts ascending by default and descending on request, on several properties', async () => {
      const ascending = await list<IssueWire>(`${DS}/issues?limit=100&sort=createdAt`);
      const descending = await list<IssueWire>(`${DS}/issues?limit=100&sort=createdAt desc`);
      const dates = ascending.items.map((issue) => issue.createdAt);
      expect(dates).toEqual([...dates].sort());
      expect(descending.items.map((issue) => issue.id)).toEqual(
        ascending.items.map((issue) => issue.id).reverse(),
      );
      const bySeverity = await list<IssueWire>(
        `${DS}/issues?limit=100&sort=severity asc,createdAt desc`,
      );
      const critical = bySeverity.items
        .filter((issue) => issue.severity === 'CRITICAL')
        .map((issue) => issue.createdAt);
      expect(bySeverity.items[0].severity).toBe('CRITICAL');
      expect(critical).toEqual([...critical].sort().reverse());
    });

    it('sorts software-releases by id by default and versions numerically', async () => {
      const byId = await list<SoftwareReleaseWire>(`${DS}/software-releases?limit=100`);
      const ids = byId.items.map((release) => release.id);
      expect(ids).toEqual([...ids].sort());
      const componentId = byId.items[0].softwareComponent!.id!;
      const byVersion = await list<SoftwareReleaseWire>(
        `${DS}/software-releases?sort=version desc&filter=${q(`softwareComponent/id eq '${componentId}'`)}`,
      );
      const numeric = (version: string): number[] => version.split(/[.-]/).map(Number);
      const compare = (a: number[], b: number[]): number =>
        a.reduce((order, part, index) => order || part - (b[index] ?? -1), 0) ||
        a.length - b.length;
      const versions = byVersion.items.map((release) => numeric(release.version!));
      for (let index = 1; index < versions.length; index += 1) {
        expect(compare(versions[index - 1], versions[index])).toBeGreaterThan(0);
      }
      expect(byVersion.total).toBe(20);
    });

    it('sorts tags on one property only, key after value', async () => {
      const byValue = await list<TagWire>(`${DS}/tags?limit=1000&sort=value desc`);
      const values = byValue.items.map((tag) => tag.value!);
      expect(values).toEqual([...values].sort().reverse());
      const twice = await api.get<GreenLakeErrorWire>(`${DS}/tags?sort=key,value`);
      expect(twice.status).toBe(400);
      expect(twice.body.message).toMatch(/only 1 property/);
    });

    it('answers 400 for an unsortable property or a bad direction', async () => {
      const unsortable = await api.get<GreenLakeErrorWire>(`${DS}/secrets?sort=secret asc`);
      expect(unsortable.status).toBe(400);
      expect(unsortable.body.message).toMatch(
        /'secret' cannot be sorted on \(sortable: assignmentsCount/,
      );
      expect((await api.get(`${DS}/issues?sort=createdAt sideways`)).status).toBe(400);
    });
  });

  describe('offset and limit', () => {
    it.each([
      ['async-operations', 100, 1000, 250],
      ['issues', 10, 100, 40],
      ['dual-auth-operations', 10, 100, 25],
      ['settings', 10, 100, 15],
      ['secrets', 20, 120, 30],
      ['secret-assignments', 20, 120, 30],
      ['software-releases', 100, 100, 120],
      ['tags', 20, 1000, 50],
    ])('%s: default %i, maximum %i', async (resource, defaultLimit, maxLimit, seeded) => {
      const first = await list<unknown>(`${DS}/${resource}`);
      expect(first.count).toBe(Math.min(defaultLimit, seeded));
      expect(first.offset).toBe(0);
      expect(first.total).toBeGreaterThanOrEqual(seeded);
      expect((await api.get(`${DS}/${resource}?limit=${maxLimit}`)).status).toBe(200);
      const over = await api.get<GreenLakeErrorWire>(`${DS}/${resource}?limit=${maxLimit + 1}`);
      expect(over.status).toBe(400);
      expect(over.body.message).toContain(`maximum is ${maxLimit}`);
    });

    it('pages past the maximum of software-releases with offset', async () => {
      const second = await list<SoftwareReleaseWire>(`${DS}/software-releases?offset=100`);
      expect(second).toMatchObject({ count: 20, offset: 100, total: 120 });
      const first = await list<SoftwareReleaseWire>(`${DS}/software-releases?offset=0`);
      const ids = new Set(first.items.map((release) => release.id));
      expect(second.items.some((release) => ids.has(release.id))).toBe(false);
    });

    it.each(['-1', 'ten', '1.5'])('answers 400 for limit or offset %p', async (value) => {
      expect((await api.get(`${DS}/issues?limit=${value}`)).status).toBe(400);
      expect((await api.get(`${DS}/issues?offset=${value}`)).status).toBe(400);
    });
  });

  it('lists issues-metadata as one item of categories, services and severities', async () => {
    const metadata = await list<IssuesMetadataWire>(`${DS}/issues-metadata`);
    expect(metadata).toMatchObject({ count: 1, offset: 0, total: 1 });
    expect(metadata.items[0].severities?.map((pair) => pair.key)).toEqual([
      'CRITICAL',
      'WARNING',
      'INFO',
    ]);
  });

  it('answers 404 outside the spec and 405 for another method on a known path', async () => {
    for (const path of ['announcements', 'storage-locations/aws:us-east-1', 'webhooks']) {
      const reply = await api.get<GreenLakeErrorWire>(`${DS}/${path}`);
      expect(reply.status).toBe(404);
      expect(reply.body.errorCode).toBe('HPE_GL_ERROR_NOT_FOUND');
    }
    const issues = await api.get<IssueWire & ListWire<IssueWire>>(`${DS}/issues?limit=1`);
    const deleted = await api.write('DELETE', `${DS}/issues/${issues.body.items[0].id}`);
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get('allow')).toBe('GET, PATCH');
  });
});
