import { createHash } from 'node:crypto';
import { EnvReader } from './env-reader';
import { ApiKeyEntry, CALLER_SCOPES, CallerScope } from './gateway-config.type';

const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
const EXPECTED = 'name:key:scope+scope[:profile] or name:sha256:<64 hex>:scope+scope[:profile]';

export const sha256Hex = (value: string): string =>
  createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * Parses caller keys. The error lines name the entry by its caller name only, never by its key.
 */
export function parseApiKeys(
  reader: EnvReader,
  variable: string,
  entries: string[],
): ApiKeyEntry[] {
  const keys: ApiKeyEntry[] = [];
  entries.forEach((entry, index) => {
    const parsed = parseApiKey(entry);
    const label = describeEntry(entry, index);
    if (typeof parsed === 'string') {
      reader.problem(variable, `${label} ${parsed}; expected ${EXPECTED}`);
    } else if (keys.some((key) => key.name === parsed.name)) {
      reader.problem(variable, `${label} repeats the caller name "${parsed.name}"`);
    } else if (keys.some((key) => key.keySha256 === parsed.keySha256)) {
      reader.problem(variable, `${label} reuses the key of another entry`);
    } else {
      keys.push(parsed);
    }
  });
  return keys;
}

/** Entries from `GATEWAY_API_KEYS` (comma-separated) or a file (one per line, `#` comments). */
export function splitApiKeyEntries(raw: string, separator: RegExp): string[] {
  return raw
    .split(separator)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

function parseApiKey(entry: string): ApiKeyEntry | string {
  const parts = entry.split(':').map((part) => part.trim());
  const hashed = parts[1]?.toLowerCase() === 'sha256';
  const [name, keyPart, scopesPart, profile, ...rest] = hashed
    ? [parts[0], parts[2], parts[3], parts[4], ...parts.slice(5)]
    : parts;
  if (!name || !KEY_NAME.test(name)) {
    return 'has no valid caller name (letters, digits, ".", "_", "-")';
  }
  if (!keyPart) {
    return 'has no key';
  }
  if (hashed && !SHA256_HEX.test(keyPart.toLowerCase())) {
    return 'has a sha256 key that is not 64 hex characters';
  }
  if (!scopesPart) {
    return 'has no scope';
  }
  if (rest.length > 0) {
    return 'has too many ":"-separated parts';
  }
  const scopes = scopesPart.split('+').map((scope) => scope.trim().toLowerCase());
  const unknown = scopes.filter((scope) => !(CALLER_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) {
    return `has unknown scope(s) ${unknown.join(', ')} (known: ${CALLER_SCOPES.join(', ')})`;
  }
  if (!hashed && keyPart.length < 8) {
    return 'has a key shorter than 8 characters';
  }
  return {
    name,
    keySha256: hashed ? keyPart.toLowerCase() : sha256Hex(keyPart),
    scopes: [...new Set(scopes)] as CallerScope[],
    ...(profile ? { profile } : {}),
  };
}

function describeEntry(entry: string, index: number): string {
  const name = entry.split(':')[0]?.trim();
  return name && KEY_NAME.test(name) ? `entry ${index + 1} ("${name}")` : `entry ${index + 1}`;
}
