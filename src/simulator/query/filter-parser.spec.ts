import { parseFilter } from './filter-parser';
import { FilterSyntaxError } from './filter-syntax-error';

describe(parseFilter.name, () => {
  it('parses a comparison', () => {
    expect(parseFilter("state eq 'RUNNING'")).toEqual({
      kind: 'compare',
      operator: 'eq',
      property: 'state',
      value: { type: 'string', value: 'RUNNING' },
    });
  });

  it('puts the property first when the literal comes first, mirroring gt and lt', () => {
    expect(parseFilter("'1.0.0' eq version")).toMatchObject({
      kind: 'compare',
      operator: 'eq',
      property: 'version',
    });
    expect(parseFilter('5 lt count')).toMatchObject({
      kind: 'compare',
      operator: 'gt',
      property: 'count',
    });
  });

  it('parses both forms of in', () => {
    expect(parseFilter("'backup-and-recovery' in services")).toEqual({
      kind: 'has',
      property: 'services',
      value: { type: 'string', value: 'backup-and-recovery' },
    });
    expect(parseFilter("severity in ('CRITICAL', 'WARNING')")).toEqual({
      kind: 'inList',
      property: 'severity',
      values: [
        { type: 'string', value: 'CRITICAL' },
        { type: 'string', value: 'WARNING' },
      ],
    });
  });

  it('parses contains() and startswith()', () => {
    expect(parseFilter("contains(name,'abc')")).toMatchObject({
      kind: 'call',
      fn: 'contains',
      property: 'name',
    });
    expect(parseFilter("startswith(key, 'Hou')")).toMatchObject({
      kind: 'call',
      fn: 'startswith',
      property: 'key',
    });
  });

  it('binds and tighter than or', () => {
    expect(parseFilter("a eq 'x' or b eq 'y' and c eq 'z'")).toMatchObject({
      kind: 'or',
      left: { kind: 'compare', property: 'a' },
      right: { kind: 'and', left: { property: 'b' }, right: { property: 'c' } },
    });
  });

  it.each([
    ['', /empty/],
    ["(state eq 'A')", /grouping with parentheses/],
    ["state ge 'A'", /operator 'ge'/],
    ["not state eq 'A'", /'not'/],
    ["state is 'A'", /expected an operator/],
    ["state eq 'A' 'B'", /after the end of the expression/],
    ["state eq 'A' and", /expected a property or a value/],
    ['state eq other', /must compare a property with a value/],
    ["endswith(name,'x')", /unknown function 'endswith'/],
    ["contains(name 'x')", /expected ',' after the property/],
    ['severity in ()', /expected a value/],
    ["'a' in ('b')", /needs a property on its left/],
  ])('rejects %p', (input, message) => {
    expect(() => parseFilter(input)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(input)).toThrow(message);
  });
});
