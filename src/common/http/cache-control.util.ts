/** `Cache-Control: no-cache` (or `Pragma: no-cache`): answer from GreenLake and refresh the entry. */
export function wantsRefresh(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['cache-control'] === undefined && headers.pragma === undefined) {
    return false;
  }
  const directives = [headers['cache-control'], headers.pragma]
    .flat()
    .filter((value): value is string => typeof value === 'string')
    .join(',')
    .toLowerCase();
  return /(^|[\s,])no-cache($|[\s,=])/.test(directives);
}
