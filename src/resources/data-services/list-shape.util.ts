/** Why a parsed 200 is not GreenLake's list envelope (an `items` array of objects), or undefined. */
export function badListShape(data: unknown): string | undefined {
  const items = (data as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items)) {
    return 'a list without an items array';
  }
  const isObject = (item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item);
  return items.every(isObject) ? undefined : 'a list whose items are not all objects';
}
