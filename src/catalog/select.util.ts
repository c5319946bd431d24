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
