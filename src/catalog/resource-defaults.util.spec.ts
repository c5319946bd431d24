import { RESOURCE_CATALOG } from './resource-catalog';
import { describeListDefaults, effectiveDefaults } from './resource-defaults.util';

describe(effectiveDefaults.name, () => {
  const tasks = RESOURCE_CATALOG.tasks;

  it('is the built-in table without an override', () => {
    expect(effectiveDefaults(tasks)).toEqual({
      select: [],
      sort: 'createdAt desc',
      filter: undefined,
      cacheTtlSeconds: 5,
    });
  });

  it('takes each configured value, and an empty string clears a default', () => {
    expect(
      effectiveDefaults(tasks, {
        select: ['id'],
        sort: '',
        filter: "state eq 'RUNNING'",
        cacheTtlSeconds: 0,
      }),
    ).toEqual({
      select: ['id'],
      sort: undefined,
      filter: "state eq 'RUNNING'",
      cacheTtlSeconds: 0,
    });
  });
});

describe(describeListDefaults.name, () => {
  it('states the defaults and the paging of a resource', () => {
    const text = describeListDefaults(RESOURCE_CATALOG.issues, {
      select: ['body'],
      sort: 'createdAt desc',
      cacheTtlSeconds: 30,
    });
    expect(text).toContain(
      'select (when no `fields`): `body`; `lastOccurredAt,customerId,createdAt,id,resourceUri,generation,type` is always added to any select',
    );
    expect(text).toContain('sort (when no `sort`): `createdAt desc`');
    expect(text).toContain('filter (when no filter parameter at all): none');
    // Nothing applies the cache TTL yet: the text does not promise it
    expect(text).not.toContain('cache TTL');
    expect(text).toContain("GreenLake's default page is 10 and its maximum 100");
  });

  it('says when a list is not paged and has no sort or select', () => {
    const text = describeListDefaults(RESOURCE_CATALOG['storage-locations'], {
      select: [],
      cacheTtlSeconds: 60,
    });
    expect(text).toContain('**Paging**: none');
    expect(text).not.toContain('sort (when');
    expect(text).not.toContain('select (when');
  });
});
