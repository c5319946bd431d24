import { GatewayError } from 'src/common/errors/gateway-error';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import type { ResourceDefaults } from 'src/catalog/resource-spec.type';
import { buildItemQuery, buildListQuery } from './upstream-query.util';

const none: ResourceDefaults = { select: [], cacheTtlSeconds: 0 };

describe(buildListQuery.name, () => {
  const tasks = RESOURCE_CATALOG.tasks;

  it('sends nothing the caller did not ask for when there are no defaults', () => {
    expect(buildListQuery(tasks, none, {}, [])).toEqual({});
  });

  it('maps the common parameters', () => {
    expect(
      buildListQuery(
        tasks,
        none,
        { fields: 'id, state', sort: 'id DESC', limit: 5, offset: 10 },
        [],
      ),
    ).toEqual({ select: 'id,state', sort: 'id desc', limit: 5, offset: 10 });
  });

  it('ANDs the friendly conditions, then the raw filter', () => {
    expect(
      buildListQuery(tasks, none, { filter: "displayName eq 'x'" }, ["state eq 'RUNNING'"]).filter,
    ).toBe("state eq 'RUNNING' and displayName eq 'x'");
  });

  it('uses the default filter only when the caller gave no filter at all', () => {
    const defaults = { ...none, filter: "state eq 'RUNNING'", sort: 'createdAt desc' };
    expect(buildListQuery(tasks, defaults, {}, [])).toEqual({
      filter: "state eq 'RUNNING'",
      sort: 'createdAt desc',
    });
    expect(buildListQuery(tasks, defaults, {}, ["state eq 'FAILED'"]).filter).toBe(
      "state eq 'FAILED'",
    );
    expect(buildListQuery(tasks, defaults, { filter: "id eq 'x'" }, []).filter).toBe("id eq 'x'");
  });

  it("adds the issues' required fields to the caller's select and to a default select", () => {
    const issues = RESOURCE_CATALOG.issues;
    expect(buildListQuery(issues, none, { fields: 'body' }, []).select).toBe(
      'body,lastOccurredAt,customerId,createdAt,id,resourceUri,generation,type',
    );
    expect(buildListQuery(issues, { ...none, select: ['severity'] }, {}, []).select).toBe(
      'severity,lastOccurredAt,customerId,createdAt,id,resourceUri,generation,type',
    );
    expect(buildListQuery(issues, none, {}, []).select).toBeUndefined();
  });

  it('sends neither select nor sort where GreenLake has none', () => {
    const locations = RESOURCE_CATALOG['storage-locations'];
    expect(buildListQuery(locations, { ...none, sort: 'x' }, { fields: 'id' }, [])).toEqual({});
  });

  it("refuses a raw filter with 'or' next to friendly conditions, and limit with all", () => {
    const error = (() => {
      try {
        buildListQuery(tasks, none, { filter: "a eq 'x' or b eq 'y'", all: true, limit: 5 }, ['c']);
      } catch (thrown) {
        return thrown as GatewayError;
      }
      throw new Error('expected a GatewayError');
    })();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.errors).toEqual([
      "filter uses 'or', which cannot be combined with the other filter parameters (GreenLake has no parentheses); write every condition in filter",
      'limit cannot be combined with all=true (all pages are read; bound them with maxItems)',
    ]);
    expect(buildListQuery(tasks, none, { filter: "a eq 'x' or b eq 'y'" }, []).filter).toBe(
      "a eq 'x' or b eq 'y'",
    );
  });
});

describe(buildItemQuery.name, () => {
  it('maps fields to select, with the required fields of issues', () => {
    expect(buildItemQuery(RESOURCE_CATALOG.tasks, 'id')).toEqual({ select: 'id' });
    expect(buildItemQuery(RESOURCE_CATALOG.issues, 'id,body')).toEqual({
      select: 'id,body,lastOccurredAt,customerId,createdAt,resourceUri,generation,type',
    });
    expect(buildItemQuery(RESOURCE_CATALOG.tasks, undefined)).toEqual({});
    expect(buildItemQuery(RESOURCE_CATALOG.secrets, 'id')).toEqual({});
  });
});
