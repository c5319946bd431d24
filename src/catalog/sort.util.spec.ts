import { normalizeSort, sortProblem } from './sort.util';

describe('sort.util', () => {
  const rules = { fields: ['id', 'name', 'createdAt'] };

  it.each(['id', 'name asc', 'createdAt desc,id', ' name  DESC , id asc '])(
    'accepts %j',
    (sort) => {
      expect(sortProblem(sort, rules)).toBeUndefined();
    },
  );

  it.each([
    ['color', "sort cannot use 'color' (sortable: id, name, createdAt)"],
    ['name up', "sort direction 'up' must be asc or desc"],
    ['name asc extra', 'sort entry "name asc extra" must be "property [asc|desc]"'],
    ['id,', 'sort must be "property [asc|desc]", several separated by commas'],
    ['', 'sort must be "property [asc|desc]", several separated by commas'],
  ])('rejects %j: %s', (sort, problem) => {
    expect(sortProblem(sort, rules)).toBe(problem);
  });

  it('enforces a one-property limit (tags)', () => {
    const tags = { fields: ['key', 'value'], maxProperties: 1 };
    expect(sortProblem('value desc', tags)).toBeUndefined();
    expect(sortProblem('key,value', tags)).toBe(
      'sort can name only 1 property here (sortable: key, value)',
    );
  });

  it('normalises spaces and case of the direction', () => {
    expect(normalizeSort(' name  DESC , id ')).toBe('name desc,id');
  });
});
