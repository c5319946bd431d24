/** One stored answer of GreenLake: its body and what the caller is told about it. */
export interface StoredAnswer {
  /** GreenLake's JSON body, as text. */
  body: string;
  /** Headers a pass-through HIT repeats (content-type and the like). */
  headers: Record<string, string>;
  etag: string;
  /** Epoch ms. */
  storedAt: number;
  ttlMs: number;
  /** The scope's generation when the answer was fetched: a write since then voids it. */
  scopeGeneration: number;
}

/** What a store holds for one request: the scope's generation and the answer, if any. */
export interface StoreRead {
  generation: number;
  answer?: StoredAnswer;
  /** Shared stores: whether some replica holds the fill lock of this request. */
  locked?: boolean;
}

export type LockResult =
  { kind: 'acquired'; owner: string } | { kind: 'busy' } | { kind: 'unavailable' };

/**
 * Where entries live: Redis (shared by the replicas) or process memory. Every method answers
 * `undefined` / `unavailable` rather than throwing when the store cannot be reached in time.
 */
export interface CacheStore {
  /** True for Redis: replicas coalesce through fill locks. */
  readonly shared: boolean;
  read(scope: string, hash: string): Promise<StoreRead | undefined>;
  /** Stores `answer` for `keepMs` and then releases the fill lock, in that order. Never awaited by callers. */
  write(
    scope: string,
    hash: string,
    answer: StoredAnswer,
    keepMs: number,
    lockOwner?: string,
  ): void;
  /** Voids every entry of the scope (on every replica): bumps its generation. */
  invalidate(scope: string): Promise<void>;
  /** Drops the entries of the scopes matching the pattern; answers how many. */
  purge(scopePattern: string, knownScopes: readonly string[]): Promise<number>;
  lock(scope: string, hash: string, ttlMs: number): Promise<LockResult>;
  unlock(scope: string, hash: string, owner: string): void;
}

export const CACHE_STORE = Symbol('CACHE_STORE');

/** `meta\nbody`: the body is JSON text already, so it is not escaped again inside the metadata. */
export function serializeAnswer(answer: StoredAnswer): string {
  const { body, ...meta } = answer;
  return `${JSON.stringify(meta)}\n${body}`;
}

export function deserializeAnswer(raw: string): StoredAnswer | undefined {
  const newline = raw.indexOf('\n');
  if (newline < 0) {
    return undefined;
  }
  try {
    const meta = JSON.parse(raw.slice(0, newline)) as Omit<StoredAnswer, 'body'>;
    return { ...meta, body: raw.slice(newline + 1) };
  } catch {
    return undefined;
  }
}
