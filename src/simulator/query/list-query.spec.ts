import { SimulatedError } from 'src/simulator/faults/simulated-error';
import { type ListRules, listItems, versionSortKey } from './list-query';

interface Row {
  id: string;
  key: string;
  value: string;
  size: number;
}

const rows: Row[] = Array.from({ length: 30 }, (_, index) => ({
  id: `id-${String(index).padStart(2, '0')}`,
  key: ['b', 'a', 'c'][index % 3],
  value: `v${index % 5}`,
  size: index,
}));

const rules: ListRules<Row> = {
  filter: {
    fields: { key: { type: 'string', operators: ['eq'], get: (row) => row.key } },
    allowOr: false,
  },
  sort: { fields: { key: (row) => row.key, value: (row) => row.value, size: (row) => row.size } },
  select: ['id', 'key', 'value', 'size'],
  paging: { defaultLimit: 10, maxLimit: 20, minLimit: 1 },
};

function rejection(
  query: Record<string, string | string[]>,
  withRules: ListRules<Row> = rules,
): SimulatedError {
  try {
    listItems(rows, query, withRules);
  } catch (error) {
    if (error instanceof SimulatedError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a rejection');
}

describe(listItems.name, () => {
  it('pages with the default limit and reports count, offset and total', () => {
    const page = listItems(rows, { offset: '25' }, rules);
    expect(page).toMatchObject({ count: 5, offset: 25, total: 30 });
    expect(listItems(rows, {}, rules)).toMatchObject({ count: 10, offset: 0, total: 30 });
  });

  it('filters before paging, so total counts the matches', () => {
    expect(listItems(rows, { filter: "key eq 'a'", limit: '3' }, rules)).toMatchObject({
      count: 3,
      total: 10,
    });
  });

  it('sorts on several properties with directions', () => {
    const page = listItems(rows, { sort: 'key asc,size desc', limit: '3' }, rules);
    expect(page.items.map((row) => row.size)).toEqual([28, 25, 22]);
  });

  it('adds the tie-breaker when not sorted on it', () => {
    const tags: ListRules<Row> = {
      sort: { fields: rules.sort!.fields, maxProperties: 1, thenBy: ['key'] },
    };
    const page = listItems(rows, { sort: 'value desc' }, tags);
    expect(page.items.slice(0, 3).map((row) => `${row.value}/${row.key}`)).toEqual([
      'v4/a',
      'v4/a',
      'v4/b',
    ]);
    expect(rejection({ sort: 'value,key' }, tags).message).toMatch(/only 1 property/);
  });

  it('projects the selected top-level properties', () => {
    expect(listItems(rows, { select: 'id, size', limit: '1' }, rules).items).toEqual([
      { id: 'id-00', size: 0 },
    ]);
  });

  it.each([
    [{ limit: '21' }, /Invalid limit 21: the maximum is 20/],
    [{ limit: '0' }, /must be an integer from 1 to 20/],
    [{ limit: 'ten' }, /Invalid limit 'ten'/],
    [{ offset: '-1' }, /Invalid offset -1/],
    [{ limit: ['1', '2'] }, /given more than once/],
    [{ sort: 'colour' }, /'colour' cannot be sorted on \(sortable: key, value, size\)/],
    [{ sort: 'key up' }, /direction 'up' must be asc or desc/],
    [{ sort: 'key asc desc' }, /expected "property \[asc\|desc\]"/],
    [{ select: 'id,colour' }, /unknown property 'colour'/],
    [{ select: 'key/name' }, /nested properties/],
    [{ filter: "colour eq 'x'" }, /Invalid filter "colour eq 'x'": 'colour' cannot be filtered on/],
  ])('answers 400 for %p', (query, message) => {
    const error = rejection(query);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('ignores parameters the resource does not take', () => {
    expect(
      listItems(rows, { select: 'nope', sort: 'nope', filter: 'nope', limit: 'x' }, {}),
    ).toMatchObject({
      count: 30,
      total: 30,
    });
  });
});

describe(versionSortKey.name, () => {
  it('orders versions numerically, a build suffix after its plain version', () => {
    const versions = ['1.10.0', '1.9.3', '1.9.3-12', '1.9.3-2', '2.0.0', '1.0.0'];
    const sorted = [...versions].sort((a, b) =>
      (versionSortKey(a) ?? '') < (versionSortKey(b) ?? '') ? -1 : 1,
    );
    expect(sorted).toEqual(['1.0.0', '1.9.3', '1.9.3-2', '1.9.3-12', '1.10.0', '2.0.0']);
  });
});
