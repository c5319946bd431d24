import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** What the request log shows instead of a token: the first 8 hex of its sha256. */
export function tokenFingerprint(token: string): string {
  return sha256Hex(token).slice(0, 8);
}

/** A debugId / traceId: 32 random hex characters. */
export function randomHex32(): string {
  return randomBytes(16).toString('hex');
}

export function randomUuid(): string {
  return randomUUID();
}

/** A uuid derived from a string, for ids that must be stable without a PRNG (e.g. upgrade entries). */
export function uuidFrom(value: string): string {
  const s = sha256Hex(value);
  const variant = '89ab'[parseInt(s[16], 16) % 4];
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
