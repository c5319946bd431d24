import type { SortRules } from './resource-spec.type';

const DIRECTIONS = ['asc', 'desc'];

/**
 * Checks `property [asc|desc]` entries separated by commas against what the resource can sort on.
 * Returns the problem in words, or undefined when the sort is acceptable.
 */
export function sortProblem(sort: string, rules: SortRules): string | undefined {
  const parts = sort.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) {
    return 'sort must be "property [asc|desc]", several separated by commas';
  }
  if (rules.maxProperties !== undefined && parts.length > rules.maxProperties) {
    return `sort can name only ${rules.maxProperties} property here (sortable: ${rules.fields.join(', ')})`;
  }
  for (const part of parts) {
    const words = part.split(/\s+/);
    const [property, direction] = words;
    if (words.length > 2) {
      return `sort entry "${part}" must be "property [asc|desc]"`;
    }
    if (!rules.fields.includes(property)) {
      return `sort cannot use '${property}' (sortable: ${rules.fields.join(', ')})`;
    }
    if (direction !== undefined && !DIRECTIONS.includes(direction.toLowerCase())) {
      return `sort direction '${direction}' must be asc or desc`;
    }
  }
  return undefined;
}

/** `name  DESC , id` becomes `name desc,id`: the form GreenLake documents. */
export function normalizeSort(sort: string): string {
  return sort
    .split(',')
    .map((part) => {
      const [property, direction] = part.trim().split(/\s+/);
      return direction ? `${property} ${direction.toLowerCase()}` : property;
    })
    .join(',');
}
