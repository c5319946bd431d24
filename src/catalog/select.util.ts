import { closestName } from './closest-name.util';
import type { SelectRules } from './resource-spec.type';

/** A comma-separated list of top-level property names (GreenLake cannot select nested ones). */
export const FIELD_LIST_PATTERN = /^\s*[A-Za-z_][A-Za-z0-9_]*(\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*\s*$/;

export function parseFieldList(list: string): string[] {
  return list
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
}

/** The caller's fields in their order, then the required ones they left out, each once. */
export function mergeSelect(fields: readonly string[], required: readonly string[]): string[] {
  return [...new Set([...fields, ...required])];
}

/**
 * Checks the properties of a field list (`parameter`: `fields`, or `select` in the defaults file)
 * against what the resource can select, case-sensitively as GreenLake does. Returns the problem in
 * words (each unknown property, the closest selectable one where there is one, then all of them), or
 * undefined. The list's syntax is FIELD_LIST_PATTERN's business, not this.
 */
export function selectProblem(
  parameter: string,
  fields: readonly string[],
  rules: SelectRules,
): string | undefined {
  const unknown = [...new Set(fields.filter((field) => !rules.properties.includes(field)))];
  if (unknown.length === 0) {
    return undefined;
  }
  const named = unknown.map((field) => {
    const suggestion = closestName(field, rules.properties);
    return suggestion ? `'${field}' (did you mean '${suggestion}'?)` : `'${field}'`;
  });
  const properties = unknown.length === 1 ? 'property' : 'properties';
  return `${parameter}: unknown ${properties} ${named.join(', ')}; selectable: ${rules.properties.join(', ')}`;
}
