import { LRUCache } from 'lru-cache';
import type { CacheStore, LockResult, StoreRead, StoredAnswer } from './cache-store.type';

// What an entry costs beyond its body: metadata, headers, the key and the LRU's own bookkeeping
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * Entries in process memory, bounded in bytes by a least-recently-used eviction (lru-cache).
 * Used when Redis is not configured, so one replica is the whole cluster.
 */
export class MemoryCacheStore implements CacheStore {
  readonly shared = false;
  private readonly entries: LRUCache<string, StoredAnswer>;
  private readonly generations = new Map<string, number>();

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, StoredAnswer>({
      maxSize: maxBytes,
      sizeCalculation: (answer) => Buffer.byteLength(answer.body) + ENTRY_OVERHEAD_BYTES,
    });
  }

  read(scope: string, hash: string): Promise<StoreRead> {
    const generation = this.generations.get(scope) ?? 0;
    const answer = this.entries.get(entryKey(scope, hash));
    return Promise.resolve({
      generation,
      answer: answer?.scopeGeneration === generation ? answer : undefined,
    });
  }

  write(scope: string, hash: string, answer: StoredAnswer, keepMs: number): void {
    this.entries.set(entryKey(scope, hash), answer, { ttl: keepMs });
  }

  invalidate(scope: string): Promise<void> {
    this.generations.set(scope, (this.generations.get(scope) ?? 0) + 1);
    return Promise.resolve();
  }

  purge(scopePattern: string, knownScopes: readonly string[]): Promise<number> {
    const matches = globMatcher(scopePattern);
    const scopes = new Set(knownScopes);
    let purged = 0;
    for (const key of [...this.entries.keys()]) {
      const scope = key.slice(0, key.lastIndexOf('|'));
      if (matches(scope)) {
        scopes.add(scope);
        this.entries.delete(key);
        purged++;
      }
    }
    scopes.forEach((scope) => void this.invalidate(scope));
    return Promise.resolve(purged);
  }

  // One process: the in-process single flight is all the coalescing there is
  lock(): Promise<LockResult> {
    return Promise.resolve({ kind: 'unavailable' });
  }

  unlock(): void {}
}

const entryKey = (scope: string, hash: string): string => `${scope}|${hash}`;

/** `*` matches any run of characters; nothing else is special (scope parts are URI-encoded). */
function globMatcher(pattern: string): (value: string) => boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return (value) => regex.test(value);
}
