/**
 * Builders for GreenLake's filter grammar (a subset of OData 4.0, GREENLAKE-FACTS §5). Every value
 * becomes a single-quoted literal with `'` doubled, so a value can never end its string early and
 * add conditions of its own.
 */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `property eq 'value'` */
export function eq(property: string, value: string): string {
  return `${property} eq ${quoteLiteral(value)}`;
}

/** `property gt 'value'` (numbers and timestamps) */
export function gt(property: string, value: string): string {
  return `${property} gt ${quoteLiteral(value)}`;
}

/** `property lt 'value'` (numbers and timestamps) */
export function lt(property: string, value: string): string {
  return `${property} lt ${quoteLiteral(value)}`;
}

/** `'value' in arrayProperty`: the array contains the value (literal first, as GreenLake writes it). */
export function memberOf(value: string, arrayProperty: string): string {
  return `${quoteLiteral(value)} in ${arrayProperty}`;
}

/** Joins conditions with `and`, skipping empty ones; undefined when nothing is left. */
export function andFilters(parts: readonly (string | undefined)[]): string | undefined {
  const kept = parts.map((part) => part?.trim()).filter((part): part is string => !!part);
  return kept.length > 0 ? kept.join(' and ') : undefined;
}

/** How to turn each friendly query parameter into a condition, in the order they are written. */
export type FriendlyFilterTable<Q> = Partial<Record<keyof Q & string, (value: string) => string>>;

/** The conditions for the friendly parameters the caller gave, in the table's order. */
export function friendlyFilters<Q extends object>(
  query: Q,
  table: FriendlyFilterTable<Q>,
): string[] {
  const conditions: string[] = [];
  for (const [name, build] of Object.entries(table) as [string, (value: string) => string][]) {
    const value = (query as Record<string, unknown>)[name];
    if (typeof value === 'string' && value !== '') {
      conditions.push(build(value));
    }
  }
  return conditions;
}

export interface FilterScan {
  /** A `'` opens a literal that never closes. */
  unterminated: boolean;
  /** `or` appears outside literals. */
  usesOr: boolean;
}

/** Looks at a raw filter outside its string literals (a doubled `''` stays inside the literal). */
export function scanFilter(filter: string): FilterScan {
  let inLiteral = false;
  let outside = '';
  for (let index = 0; index < filter.length; index += 1) {
    const char = filter[index];
    if (char !== "'") {
      outside += inLiteral ? '' : char;
    } else if (inLiteral && filter[index + 1] === "'") {
      index += 1;
    } else {
      inLiteral = !inLiteral;
      outside += ' ';
    }
  }
  return { unterminated: inLiteral, usesOr: /(^|[\s)])or(?=[\s(']|$)/i.test(outside) };
}
