import type { ListWire } from 'src/upstream/wire/list.wire';

export interface CollectOptions {
  /** Where the caller's list starts. */
  startOffset: number;
  /** The resource's maximum page size. */
  pageSize: number;
  maxItems: number;
}

/** `all=true` found more items than `maxItems` allows; the caller gets a 400. */
export class TooManyItemsError extends Error {
  constructor(
    readonly available: number,
    readonly maxItems: number,
  ) {
    super(`${available} items match, more than maxItems (${maxItems})`);
    this.name = 'TooManyItemsError';
  }
}

/**
 * Follows offset/limit at the maximum page size until `total` is reached (or, when GreenLake gives
 * no total, until a short page), and returns one list in the same envelope. The first page tells
 * `total`: when more than `maxItems` remain, it throws before asking for a second page; without a
 * total it throws as soon as the pages collected pass `maxItems`.
 */
export async function collectAllPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<ListWire<T>>,
  { startOffset, pageSize, maxItems }: CollectOptions,
): Promise<ListWire<T>> {
  const first = await fetchPage(startOffset, pageSize);
  const total = first.total;
  const wanted = total === undefined ? undefined : Math.max(0, total - startOffset);
  if (wanted !== undefined && wanted > maxItems) {
    throw new TooManyItemsError(wanted, maxItems);
  }
  const items = [...first.items];
  let lastPage = first.items.length;
  // Bounded even if GreenLake misreports: never more pages than maxItems needs
  const maxPages = Math.ceil(maxItems / Math.max(pageSize, 1)) + 1;
  for (let page = 1; page < maxPages; page += 1) {
    const done = wanted === undefined ? lastPage < pageSize : items.length >= wanted;
    if (done || lastPage === 0) {
      break;
    }
    const next = await fetchPage(startOffset + items.length, pageSize);
    items.push(...next.items);
    lastPage = next.items.length;
    if (items.length > maxItems) {
      throw new TooManyItemsError(items.length, maxItems);
    }
  }
  return {
    items,
    count: items.length,
    offset: startOffset,
    total: total ?? startOffset + items.length,
  };
}
