import type { ListWire } from 'src/upstream/wire/list.wire';
import { collectAllPages, TooManyItemsError } from './paging.util';

/** A fake upstream of `total` numbered items that records every page asked for. */
function upstream(total: number, options: { reportTotal?: boolean; clampTo?: number } = {}) {
  const calls: [number, number][] = [];
  const fetchPage = (offset: number, limit: number): Promise<ListWire<number>> => {
    calls.push([offset, limit]);
    const size = Math.min(limit, options.clampTo ?? limit);
    const items = Array.from(
      { length: Math.max(0, Math.min(size, total - offset)) },
      (_, i) => offset + i,
    );
    return Promise.resolve({
      items,
      count: items.length,
      offset,
      ...(options.reportTotal === false ? {} : { total }),
    });
  };
  return { calls, fetchPage };
}

describe(collectAllPages.name, () => {
  it('250 items at page size 1000: one call', async () => {
    const fake = upstream(250);
    const list = await collectAllPages(fake.fetchPage, {
      startOffset: 0,
      pageSize: 1000,
      maxItems: 10_000,
    });
    expect(fake.calls).toEqual([[0, 1000]]);
    expect(list).toMatchObject({ count: 250, offset: 0, total: 250 });
    expect(list.items).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('120 items at page size 100: two calls', async () => {
    const fake = upstream(120);
    const list = await collectAllPages(fake.fetchPage, {
      startOffset: 0,
      pageSize: 100,
      maxItems: 10_000,
    });
    expect(fake.calls).toEqual([
      [0, 100],
      [100, 100],
    ]);
    expect(list.count).toBe(120);
  });

  it('exactly a page: no empty extra call when total is known', async () => {
    const fake = upstream(200);
    await collectAllPages(fake.fetchPage, { startOffset: 0, pageSize: 100, maxItems: 10_000 });
    expect(fake.calls).toEqual([
      [0, 100],
      [100, 100],
    ]);
  });

  it('starts at the offset and counts what remains after it', async () => {
    const fake = upstream(250);
    const list = await collectAllPages(fake.fetchPage, {
      startOffset: 200,
      pageSize: 100,
      maxItems: 50,
    });
    expect(fake.calls).toEqual([[200, 100]]);
    expect(list).toMatchObject({ count: 50, offset: 200, total: 250 });
  });

  it('more than maxItems: throws after the first page, before any other', async () => {
    const fake = upstream(250);
    await expect(
      collectAllPages(fake.fetchPage, { startOffset: 0, pageSize: 100, maxItems: 200 }),
    ).rejects.toEqual(new TooManyItemsError(250, 200));
    expect(fake.calls).toHaveLength(1);
  });

  it('without a total: follows pages until a short one', async () => {
    const fake = upstream(250, { reportTotal: false });
    const list = await collectAllPages(fake.fetchPage, {
      startOffset: 0,
      pageSize: 100,
      maxItems: 10_000,
    });
    expect(fake.calls.map(([offset]) => offset)).toEqual([0, 100, 200]);
    expect(list).toMatchObject({ count: 250, total: 250 });
  });

  it('without a total: throws as soon as the pages pass maxItems', async () => {
    const fake = upstream(1000, { reportTotal: false });
    await expect(
      collectAllPages(fake.fetchPage, { startOffset: 0, pageSize: 100, maxItems: 250 }),
    ).rejects.toBeInstanceOf(TooManyItemsError);
    expect(fake.calls).toHaveLength(3);
  });

  it('keeps going when GreenLake serves smaller pages than asked, until total', async () => {
    const fake = upstream(120, { clampTo: 50 });
    const list = await collectAllPages(fake.fetchPage, {
      startOffset: 0,
      pageSize: 100,
      maxItems: 10_000,
    });
    expect(fake.calls.map(([offset]) => offset)).toEqual([0, 50, 100]);
    expect(list.count).toBe(120);
  });

  it('stops on an empty page even if total promised more (items deleted meanwhile)', async () => {
    let served = false;
    const calls: number[] = [];
    const list = await collectAllPages(
      (offset) => {
        calls.push(offset);
        const items = served ? [] : [1, 2];
        served = true;
        return Promise.resolve({ items, count: items.length, offset, total: 5 });
      },
      { startOffset: 0, pageSize: 2, maxItems: 100 },
    );
    expect(calls).toEqual([0, 2]);
    expect(list.items).toEqual([1, 2]);
  });
});
