import {
  type FilterFunction,
  type FilterLiteral,
  type FilterNode,
  parseFilter,
} from './filter-parser';
import { FilterSyntaxError } from './filter-syntax-error';

export type FilterFieldType = 'string' | 'uuid' | 'number' | 'boolean' | 'datetime' | 'string[]';
export type FilterOperator = 'eq' | 'ne' | 'gt' | 'lt' | 'in' | FilterFunction;

export interface FilterField<T> {
  type: FilterFieldType;
  operators: readonly FilterOperator[];
  get(item: T): unknown;
}

/** What one resource accepts in `filter` (GREENLAKE-FACTS §5). */
export interface FilterSchema<T> {
  /** Keyed by the property as written in the filter, nested paths with '/' (`parent/id`). */
  fields: Readonly<Record<string, FilterField<T>>>;
  /** `or` is only documented for software-releases. */
  allowOr: boolean;
  /** contains() is case-insensitive for secrets and secret-assignments. */
  caseInsensitiveContains?: boolean;
}

export type FilterPredicate<T> = (item: T) => boolean;

/** Parses and checks a filter against a resource's schema; throws FilterSyntaxError with the reason. */
export function compileFilter<T>(input: string, schema: FilterSchema<T>): FilterPredicate<T> {
  return compileNode(parseFilter(input), schema);
}

function compileNode<T>(node: FilterNode, schema: FilterSchema<T>): FilterPredicate<T> {
  switch (node.kind) {
    case 'and': {
      const left = compileNode(node.left, schema);
      const right = compileNode(node.right, schema);
      return (item) => left(item) && right(item);
    }
    case 'or': {
      if (!schema.allowOr) {
        throw new FilterSyntaxError("'or' is not supported here; combine conditions with 'and'");
      }
      const left = compileNode(node.left, schema);
      const right = compileNode(node.right, schema);
      return (item) => left(item) || right(item);
    }
    case 'compare':
      return compileComparison(node, fieldFor(schema, node.property, node.operator));
    case 'inList': {
      const field = fieldFor(schema, node.property, 'in');
      if (field.type === 'string[]') {
        throw new FilterSyntaxError(
          `'${node.property}' is an array: write '<value>' in ${node.property}`,
        );
      }
      const accepted = node.values.map((value) => comparable(field, node.property, value));
      return (item) => {
        const actual = actualOf(field, item);
        return accepted.some((value) => value === actual);
      };
    }
    case 'has': {
      const field = fieldFor(schema, node.property, 'in');
      if (field.type !== 'string[]') {
        throw new FilterSyntaxError(
          `'${node.property}' is not an array: write ${node.property} in ('a','b') or ${node.property} eq 'a'`,
        );
      }
      const wanted = stringLiteral(node.property, node.value);
      return (item) => {
        const actual = field.get(item);
        return Array.isArray(actual) && actual.includes(wanted);
      };
    }
    case 'call':
      return compileCall(node.fn, node.property, node.value, schema);
  }
}

function fieldFor<T>(
  schema: FilterSchema<T>,
  property: string,
  operator: FilterOperator,
): FilterField<T> {
  const field = schema.fields[property];
  if (!field) {
    const known = Object.keys(schema.fields).join(', ');
    throw new FilterSyntaxError(`'${property}' cannot be filtered on (filterable: ${known})`);
  }
  if (!field.operators.includes(operator) && field.type === 'string[]') {
    throw new FilterSyntaxError(
      `'${operator}' is not supported on the array '${property}': write '<value>' in ${property}`,
    );
  }
  if (!field.operators.includes(operator)) {
    throw new FilterSyntaxError(
      `'${operator}' is not supported on '${property}' (supported: ${field.operators.join(', ')})`,
    );
  }
  return field;
}

function compileComparison<T>(
  node: Extract<FilterNode, { kind: 'compare' }>,
  field: FilterField<T>,
): FilterPredicate<T> {
  const { operator, property } = node;
  if (field.type === 'string[]') {
    throw new FilterSyntaxError(`'${property}' is an array: write '<value>' in ${property}`);
  }
  if (operator === 'gt' || operator === 'lt') {
    const bound = orderable(field, property, node.value);
    return (item) => {
      const actual = orderableValue(field, field.get(item));
      if (actual === undefined) {
        return false;
      }
      return operator === 'gt' ? actual > bound : actual < bound;
    };
  }
  const expected = comparable(field, property, node.value);
  return operator === 'eq'
    ? (item) => actualOf(field, item) === expected
    : (item) => actualOf(field, item) !== expected;
}

function compileCall<T>(
  fn: FilterFunction,
  property: string,
  literal: FilterLiteral,
  schema: FilterSchema<T>,
): FilterPredicate<T> {
  const field = fieldFor(schema, property, fn);
  const ignoreCase = fn === 'contains' && schema.caseInsensitiveContains === true;
  const wanted = ignoreCase
    ? stringLiteral(property, literal).toLowerCase()
    : stringLiteral(property, literal);
  return (item) => {
    const actual = field.get(item);
    if (typeof actual !== 'string') {
      return false;
    }
    const text = ignoreCase ? actual.toLowerCase() : actual;
    return fn === 'contains' ? text.includes(wanted) : text.startsWith(wanted);
  };
}

/** The literal as the value it must equal, after checking that its type fits the field. */
function comparable<T>(field: FilterField<T>, property: string, literal: FilterLiteral): unknown {
  switch (field.type) {
    case 'number':
      if (literal.type !== 'number') {
        throw new FilterSyntaxError(
          `'${property}' is a number: compare it with an unquoted number`,
        );
      }
      return literal.value;
    case 'boolean':
      if (literal.type !== 'boolean') {
        throw new FilterSyntaxError(`'${property}' is a boolean: compare it with true or false`);
      }
      return literal.value;
    case 'uuid':
      return stringLiteral(property, literal).toLowerCase();
    case 'string':
    case 'datetime':
    case 'string[]':
      return stringLiteral(property, literal);
  }
}

function orderable<T>(field: FilterField<T>, property: string, literal: FilterLiteral): number {
  if (field.type === 'number') {
    return comparable(field, property, literal) as number;
  }
  if (field.type === 'datetime') {
    const time = Date.parse(stringLiteral(property, literal));
    if (Number.isNaN(time)) {
      throw new FilterSyntaxError(
        `'${property}' is a timestamp: compare it with a quoted RFC 3339 date-time`,
      );
    }
    return time;
  }
  throw new FilterSyntaxError(
    `'gt' and 'lt' need a number or a timestamp, and '${property}' is neither`,
  );
}

function orderableValue<T>(field: FilterField<T>, value: unknown): number | undefined {
  if (field.type === 'number') {
    return typeof value === 'number' ? value : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

function stringLiteral(property: string, literal: FilterLiteral): string {
  if (literal.type !== 'string' && literal.type !== 'uuid') {
    throw new FilterSyntaxError(
      `'${property}' is compared with a string: put the value in single quotes`,
    );
  }
  return literal.value;
}

/** The item's value as compared: ids compare case-insensitively, everything else exactly. */
function actualOf<T>(field: FilterField<T>, item: T): unknown {
  const value = field.get(item);
  return field.type === 'uuid' && typeof value === 'string' ? value.toLowerCase() : value;
}
