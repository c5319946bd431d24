import { hash } from 'node:crypto';

/**
 * A strong ETag: GreenLake's `generation` of an item (it grows with every change of the item, and
 * is what GreenLake's conditional writes compare), else a hash of the exact body.
 */
export function etagOf(body: string | Buffer, generation?: string): string {
  if (generation !== undefined) {
    return `"${generation}"`;
  }
  return `"${hash('sha256', body, 'base64url').slice(0, 27)}"`;
}

/** The `generation` of a single item as GreenLake sends it (a number, or digits), if any. */
export function generationOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return undefined;
  }
  const generation = (item as { generation?: unknown }).generation;
  if (typeof generation === 'number' && Number.isSafeInteger(generation)) {
    return String(generation);
  }
  return typeof generation === 'string' && /^\d{1,19}$/.test(generation) ? generation : undefined;
}

/** RFC 9110 If-None-Match (weak comparison): `*`, or one of the listed tags. */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) {
    return false;
  }
  const bare = etag.replace(/^W\//, '');
  return (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === bare);
}
