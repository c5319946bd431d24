/** An ordered list with an id index: listing keeps insertion order, lookups stay O(1). */
export class Collection<T extends { id: string }> {
  private readonly items: T[];
  private readonly byId = new Map<string, T>();

  constructor(items: readonly T[] = []) {
    this.items = [...items];
    for (const item of this.items) {
      this.byId.set(item.id, item);
    }
  }

  all(): readonly T[] {
    return this.items;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  add(item: T): void {
    this.items.push(item);
    this.byId.set(item.id, item);
  }

  remove(id: string): boolean {
    const item = this.byId.get(id);
    if (!item) {
      return false;
    }
    this.byId.delete(id);
    this.items.splice(this.items.indexOf(item), 1);
    return true;
  }

  get size(): number {
    return this.items.length;
  }
}
