import { type FilterSchema, compileFilter } from './filter-compiler';
import { FilterSyntaxError } from './filter-syntax-error';

interface Item {
  id: string;
  name: string;
  count: number;
  enabled: boolean;
  createdAt: string;
  services: string[];
  parent: { id: string } | null;
}

const items: Item[] = [
  {
    id: 'A1B2C3D4-0000-4000-8000-000000000001',
    name: 'Alpha',
    count: 1,
    enabled: true,
    createdAt: '2026-01-01T00:00:00Z',
    services: ['backup-and-recovery'],
    parent: null,
  },
  {
    id: 'a1b2c3d4-0000-4000-8000-000000000002',
    name: 'beta',
    count: 5,
    enabled: false,
    createdAt: '2026-02-01T00:00:00Z',
    services: ['data-ops-manager'],
    parent: { id: 'a1b2c3d4-0000-4000-8000-000000000001' },
  },
  {
    id: 'a1b2c3d4-0000-4000-8000-000000000003',
    name: 'Gamma',
    count: 9,
    enabled: true,
    createdAt: '2026-03-01T00:00:00Z',
    services: ['backup-and-recovery', 'virtualization'],
    parent: null,
  },
];

const schema: FilterSchema<Item> = {
  fields: {
    id: { type: 'uuid', operators: ['eq', 'in'], get: (i) => i.id },
    name: {
      type: 'string',
      operators: ['eq', 'ne', 'in', 'contains', 'startswith'],
      get: (i) => i.name,
    },
    count: { type: 'number', operators: ['eq', 'gt', 'lt'], get: (i) => i.count },
    enabled: { type: 'boolean', operators: ['eq'], get: (i) => i.enabled },
    createdAt: { type: 'datetime', operators: ['gt', 'lt'], get: (i) => i.createdAt },
    services: { type: 'string[]', operators: ['in'], get: (i) => i.services },
    'parent/id': { type: 'uuid', operators: ['eq'], get: (i) => i.parent?.id },
  },
  allowOr: false,
};

const names = (filter: string, withSchema: FilterSchema<Item> = schema): string[] =>
  items.filter(compileFilter(filter, withSchema)).map((item) => item.name);

describe(compileFilter.name, () => {
  it.each([
    ["name eq 'beta'", ['beta']],
    ["name ne 'beta'", ['Alpha', 'Gamma']],
    ['count gt 1', ['beta', 'Gamma']],
    ['count lt 9', ['Alpha', 'beta']],
    ['enabled eq false', ['beta']],
    ["createdAt gt '2026-01-15T00:00:00Z'", ['beta', 'Gamma']],
    ["createdAt lt '2026-02-15T00:00:00Z'", ['Alpha', 'beta']],
    ["'backup-and-recovery' in services", ['Alpha', 'Gamma']],
    ["name in ('Alpha','Gamma')", ['Alpha', 'Gamma']],
    ["contains(name,'a')", ['Alpha', 'beta', 'Gamma']],
    ["contains(name,'A')", ['Alpha']],
    ["startswith(name,'Ga')", ['Gamma']],
    ['parent/id eq a1b2c3d4-0000-4000-8000-000000000001', ['beta']],
    ["parent/id eq 'A1B2C3D4-0000-4000-8000-000000000001'", ['beta']],
    ['id eq a1b2c3d4-0000-4000-8000-000000000001', ['Alpha']],
    ["'backup-and-recovery' in services and count gt 5", ['Gamma']],
  ])('%s', (filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });

  it('supports or only when the resource allows it', () => {
    expect(() => names("name eq 'beta' or count eq 9")).toThrow(/'or' is not supported/);
    expect(names("name eq 'beta' or count eq 9", { ...schema, allowOr: true })).toEqual([
      'beta',
      'Gamma',
    ]);
  });

  it('makes contains() case-insensitive where documented', () => {
    expect(names("contains(name,'ALP')", { ...schema, caseInsensitiveContains: true })).toEqual([
      'Alpha',
    ]);
  });

  it.each([
    ["colour eq 'red'", /'colour' cannot be filtered on \(filterable: id, name/],
    ["enabled gt 'x'", /'gt' is not supported on 'enabled'/],
    ["count eq '5'", /is a number/],
    ['name eq 5', /put the value in single quotes/],
    ['enabled eq 1', /is a boolean/],
    ["createdAt gt 'yesterday'", /RFC 3339/],
    ["services in ('a')", /is an array/],
    ["'x' in name", /'in' is not supported on 'name'|is not an array/],
  ])('rejects %p', (filter, message) => {
    expect(() => names(filter)).toThrow(FilterSyntaxError);
    expect(() => names(filter)).toThrow(message);
  });
});
