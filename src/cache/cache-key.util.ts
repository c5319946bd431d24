import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** What one cache entry belongs to: entries of a scope are dropped together. */
export interface CacheScope {
  profile: string;
  region: string;
  /** A resource name (`settings`), or a pass-through collection (`virtualization/v1beta1/virtual-machines`). */
  resource: string;
}

export type QueryInput = Record<string, string | number | boolean | undefined> | string | undefined;

/** A scope part that is safe inside a Redis key, its hash tag and a SCAN pattern. */
const keyPart = (part: string): string => encodeURIComponent(part).replace(/\*/g, '%2A');

/** `profile:region:resource`, each part encoded. */
export function scopeIdOf(scope: CacheScope): string {
  return [scope.profile, scope.region, scope.resource].map(keyPart).join(':');
}

/** A SCAN-style pattern of scope ids: an absent part matches every value. */
export function scopePatternOf(match: Partial<CacheScope>): string {
  return [match.profile, match.region, match.resource]
    .map((part) => (part === undefined ? '*' : keyPart(part)))
    .join(':');
}

/**
 * The canonical form of a GET: the path, then the query's parameters sorted by name (repeated
 * names keep their order) with one encoding, so `?b=2&a=1`, `?a=1&b=2` and `?a=%31&b=2` are one entry.
 */
export function canonicalRequestOf(path: string, query: QueryInput): string {
  const pairs: [string, string][] =
    typeof query === 'string'
      ? rawPairsOf(query)
      : Object.entries(query ?? {})
          .filter((pair): pair is [string, string | number | boolean] => pair[1] !== undefined)
          .map(([name, value]) => [name, String(value)]);
  const sorted = pairs
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => (a.pair[0] === b.pair[0] ? a.index - b.index : a.pair[0] < b.pair[0] ? -1 : 1))
    .map(({ pair: [name, value] }) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return sorted.length > 0 ? `${path}?${sorted.join('&')}` : path;
}

/** A fixed-length key for a canonical request (it may be long, and holds filter text). */
export function requestHashOf(canonical: string): string {
  let known = recentHashes.get(canonical);
  if (known === undefined) {
    known = hash('sha256', canonical, 'base64url').slice(0, 32);
    recentHashes.set(canonical, known);
  }
  return known;
}

// The same few requests come again and again (polling callers): their hashes are remembered
const recentHashes = new LRUCache<string, string>({ max: 1_000 });

/** A raw query string's pairs, decoded; `+` stays `+` (GreenLake need not read it as a space). */
function rawPairsOf(query: string): [string, string][] {
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const equals = part.indexOf('=');
      return equals < 0
        ? [decode(part), '']
        : [decode(part.slice(0, equals)), decode(part.slice(equals + 1))];
    });
}
