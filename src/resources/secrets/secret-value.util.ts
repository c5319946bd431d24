import { SECRET_KIND_NAMES, SECRET_KINDS, type SecretKind } from './secret-kinds';

// Certificates and keys are long; anything beyond this is not a secret value
export const MAX_SECRET_FIELD_LENGTH = 65_536;

/**
 * Checks a `secret` body the way GreenLake does: exactly one known kind, whose fields are known
 * strings. The problem never repeats what the caller wrote (a value may sit where a key belongs), since it
 * ends up in an error body.
 */
export function secretValueProblem(secret: unknown): string | undefined {
  const kinds = isRecord(secret) ? Object.keys(secret) : [];
  const kind = kinds[0] as SecretKind;
  if (!isRecord(secret) || kinds.length !== 1 || !SECRET_KIND_NAMES.includes(kind)) {
    return `secret must be an object with exactly one of: ${SECRET_KIND_NAMES.join(', ')}${got(kinds)}`;
  }
  const allowed: readonly string[] = SECRET_KINDS[kind].fields;
  const values = secret[kind];
  if (!isRecord(values) || Object.keys(values).length === 0) {
    return `secret.${kind} must be an object with at least one of: ${allowed.join(', ')}`;
  }
  if (Object.keys(values).some((field) => !allowed.includes(field))) {
    return `secret.${kind} accepts only ${allowed.join(', ')}`;
  }
  for (const [field, value] of Object.entries(values)) {
    if (typeof value !== 'string' || value === '' || value.length > MAX_SECRET_FIELD_LENGTH) {
      return `secret.${kind}.${field} must be a non-empty string of at most ${MAX_SECRET_FIELD_LENGTH} characters`;
    }
  }
  return undefined;
}

/** Names the known kinds given; other keys are only counted, since a caller may have put a value there. */
function got(keys: string[]): string {
  const known = keys.filter((key) => (SECRET_KIND_NAMES as string[]).includes(key));
  const others = keys.length - known.length;
  const parts = [
    ...known,
    ...(others > 0 ? [`${others} unknown key${others > 1 ? 's' : ''}`] : []),
  ];
  return parts.length > 0 ? ` (got: ${parts.join(', ')})` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
