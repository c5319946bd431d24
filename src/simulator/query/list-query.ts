import type { ListWire } from 'src/upstream/wire/list.wire';
import { SimulatedError } from 'src/simulator/faults/simulated-error';
import { type FilterPredicate, type FilterSchema, compileFilter } from './filter-compiler';
import { FilterSyntaxError } from './filter-syntax-error';

export type QueryParams = Readonly<Record<string, string | string[]>>;

export interface PagingRules {
  defaultLimit: number;
  maxLimit: number;
  minLimit: number;
}

export interface SortRules<T> {
  /** Sortable properties and how to read them (a string, number or boolean key). */
  fields: Readonly<Record<string, (item: T) => unknown>>;
  /** Tags accept one property only. */
  maxProperties?: number;
  /** Used when `sort` is absent (software-releases: `id asc`). */
  defaultSort?: string;
  /** Appended in ascending order when not already sorted on (tags: `key` after `value`). */
  thenBy?: readonly string[];
}

/** What one list endpoint accepts; an absent part means the parameter is ignored, as upstream does with unknown parameters. */
export interface ListRules<T> {
  filter?: FilterSchema<T>;
  sort?: SortRules<T>;
  /** Selectable top-level properties. */
  select?: readonly string[];
  /** Absent: not paginated (storage-locations, software-upgrades, issues-metadata). */
  paging?: PagingRules;
}

/** Filter, sort, page and project one list, with 400s that say what was not understood. */
export function listItems<T extends object>(
  items: readonly T[],
  query: QueryParams,
  rules: ListRules<T>,
): ListWire<Partial<T>> {
  const predicate = rules.filter ? parseFilterParam(query, rules.filter) : undefined;
  const comparator = rules.sort ? parseSortParam(query, rules.sort) : undefined;
  const select = rules.select ? parseSelectParam(query, rules.select) : undefined;
  const { offset, limit } = rules.paging
    ? parsePaging(query, rules.paging)
    : { offset: 0, limit: Number.POSITIVE_INFINITY };

  let matches = predicate ? items.filter(predicate) : items.slice();
  if (comparator) {
    matches = matches.sort(comparator);
  }
  const page = matches.slice(offset, offset + limit);
  return {
    items: select ? page.map((item) => project(item, select)) : page,
    count: page.length,
    offset,
    total: matches.length,
  };
}

export function singleParam(query: QueryParams, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) {
    throw new SimulatedError(
      'invalidParameter',
      `Query parameter '${name}' was given more than once`,
    );
  }
  return value;
}

export function parseFilterParam<T>(
  query: QueryParams,
  schema: FilterSchema<T>,
): FilterPredicate<T> | undefined {
  const filter = singleParam(query, 'filter');
  if (filter === undefined || filter.trim() === '') {
    return undefined;
  }
  try {
    return compileFilter(filter, schema);
  } catch (error) {
    if (error instanceof FilterSyntaxError) {
      throw new SimulatedError('invalidParameter', `Invalid filter "${filter}": ${error.message}`);
    }
    throw error;
  }
}

export function parseSortParam<T>(
  query: QueryParams,
  rules: SortRules<T>,
): ((a: T, b: T) => number) | undefined {
  const sort = singleParam(query, 'sort') ?? rules.defaultSort;
  if (sort === undefined || sort.trim() === '') {
    return undefined;
  }
  const keys = sort.split(',').map((part) => parseSortKey(part, sort, rules));
  if (rules.maxProperties !== undefined && keys.length > rules.maxProperties) {
    throw new SimulatedError(
      'invalidParameter',
      `Invalid sort "${sort}": only ${rules.maxProperties} property can be sorted on`,
    );
  }
  for (const name of rules.thenBy ?? []) {
    if (!keys.some((key) => key.name === name)) {
      keys.push({ name, get: rules.fields[name], descending: false });
    }
  }
  return (a, b) => {
    for (const key of keys) {
      const order = compareValues(key.get(a), key.get(b));
      if (order !== 0) {
        return key.descending ? -order : order;
      }
    }
    return 0;
  };
}

interface SortKey<T> {
  name: string;
  get: (item: T) => unknown;
  descending: boolean;
}

function parseSortKey<T>(part: string, sort: string, rules: SortRules<T>): SortKey<T> {
  const words = part.trim().split(/\s+/);
  const [name, direction = 'asc'] = words;
  if (name === '' || words.length > 2) {
    throw new SimulatedError(
      'invalidParameter',
      `Invalid sort "${sort}": expected "property [asc|desc]" separated by commas`,
    );
  }
  const get = rules.fields[name];
  if (!get) {
    throw new SimulatedError(
      'invalidParameter',
      `Invalid sort "${sort}": '${name}' cannot be sorted on (sortable: ${Object.keys(rules.fields).join(', ')})`,
    );
  }
  const lowered = direction.toLowerCase();
  if (lowered !== 'asc' && lowered !== 'desc') {
    throw new SimulatedError(
      'invalidParameter',
      `Invalid sort "${sort}": direction '${direction}' must be asc or desc`,
    );
  }
  return { name, get, descending: lowered === 'desc' };
}

/** undefined and null sort last; strings compare by code unit so that the order is the same everywhere. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) {
    return 0;
  }
  if (a === undefined || a === null) {
    return 1;
  }
  if (b === undefined || b === null) {
    return -1;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  const left = typeof a === 'string' ? a : JSON.stringify(a);
  const right = typeof b === 'string' ? b : JSON.stringify(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A key that sorts dotted versions numerically ("1.10.0" after "1.9.3"; a "-build" suffix after the plain version). */
export function versionSortKey(version: string | undefined): string | undefined {
  return version?.replace(/\d+/g, (digits) => digits.padStart(10, '0'));
}

export function parseSelectParam(
  query: QueryParams,
  selectable: readonly string[],
): string[] | undefined {
  const select = singleParam(query, 'select');
  if (select === undefined || select.trim() === '') {
    return undefined;
  }
  const fields = select
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  for (const field of fields) {
    if (/[/.]/.test(field)) {
      throw new SimulatedError(
        'invalidParameter',
        `Invalid select "${select}": nested properties ('${field}') cannot be selected`,
      );
    }
    if (!selectable.includes(field)) {
      throw new SimulatedError(
        'invalidParameter',
        `Invalid select "${select}": unknown property '${field}' (selectable: ${selectable.join(', ')})`,
      );
    }
  }
  return fields;
}

export function project<T extends object>(item: T, fields: readonly string[]): Partial<T> {
  const source = item as Record<string, unknown>;
  const projected: Record<string, unknown> = {};
  for (const field of fields) {
    if (field in source) {
      projected[field] = source[field];
    }
  }
  return projected as Partial<T>;
}

export function parsePaging(
  query: QueryParams,
  rules: PagingRules,
): { offset: number; limit: number } {
  return {
    offset: parseInteger(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
    limit: parseInteger(query, 'limit', rules.defaultLimit, rules.minLimit, rules.maxLimit),
  };
}

function parseInteger(
  query: QueryParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = singleParam(query, name);
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const range =
    max === Number.MAX_SAFE_INTEGER
      ? `an integer of at least ${min}`
      : `an integer from ${min} to ${max}`;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw new SimulatedError('invalidParameter', `Invalid ${name} '${raw}': must be ${range}`);
  }
  const value = Number(raw);
  if (value < min) {
    throw new SimulatedError('invalidParameter', `Invalid ${name} ${value}: must be ${range}`);
  }
  if (value > max) {
    throw new SimulatedError(
      'invalidParameter',
      `Invalid ${name} ${value}: the maximum is ${max} (must be ${range})`,
    );
  }
  return value;
}
