import type { SecretCreateWire, SecretPatchWire } from 'src/upstream/wire/secret.wire';
import {
  SECRET_KINDS,
  SECRET_KIND_NAMES,
  type SecretKind,
  isSecretKind,
} from 'src/simulator/seed/secret-kinds';
import { SimulatedError } from 'src/simulator/faults/simulated-error';

const CREATE_KEYS = [
  'name',
  'service',
  'secret',
  'description',
  'label',
  'groups',
  'lifecycleEventKey',
  'assignees',
];
const PATCH_KEYS = ['secret', 'groups', 'description'];
const MAX_NAME_LENGTH = 256;
const MAX_ASSIGNEES = 120;

export interface SecretValue {
  kind: SecretKind;
  values: Record<string, string>;
}

/** Checks a `POST /secrets` body (SecretSpec or AssignedSecretSpec); 400 with the reason otherwise. */
export function validateSecretCreate(body: Record<string, unknown>): {
  spec: SecretCreateWire;
  value: SecretValue;
} {
  rejectUnknownKeys(body, CREATE_KEYS);
  const { name, service } = body;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    throw bad(`name is required: a non-empty string of at most ${MAX_NAME_LENGTH} characters`);
  }
  if (typeof service !== 'string' || service.length > MAX_NAME_LENGTH) {
    throw bad(
      `service is required: a string of at most ${MAX_NAME_LENGTH} characters (it may be empty)`,
    );
  }
  optionalString(body, 'description');
  optionalString(body, 'label');
  optionalString(body, 'lifecycleEventKey');
  optionalStringArray(body, 'groups');
  const assignees = body.assignees;
  if (assignees !== undefined) {
    if (
      !Array.isArray(assignees) ||
      assignees.length > MAX_ASSIGNEES ||
      !assignees.every((a) => isObject(a) && typeof a.id === 'string' && a.id !== '')
    ) {
      throw bad(`assignees must be a list of at most ${MAX_ASSIGNEES} objects with a string id`);
    }
  }
  const value = validateSecretValue(body.secret, undefined);
  return { spec: body as unknown as SecretCreateWire, value };
}

/** Checks a `PATCH /secrets/{id}` body: a partial secret of the same kind, groups, description. */
export function validateSecretPatch(
  body: Record<string, unknown>,
  currentKind: SecretKind | undefined,
): { patch: SecretPatchWire; value?: SecretValue } {
  rejectUnknownKeys(body, PATCH_KEYS);
  optionalString(body, 'description');
  optionalStringArray(body, 'groups');
  const value =
    body.secret === undefined ? undefined : validateSecretValue(body.secret, currentKind);
  return { patch: body, value };
}

/** Exactly one known key (basicAuth, password, ...) whose fields are strings known for that kind. */
function validateSecretValue(secret: unknown, currentKind: SecretKind | undefined): SecretValue {
  const keys = isObject(secret) ? Object.keys(secret) : [];
  if (!isObject(secret) || keys.length !== 1 || !isSecretKind(keys[0])) {
    throw bad(`secret must be an object with exactly one of: ${SECRET_KIND_NAMES.join(', ')}`);
  }
  const kind = keys[0];
  if (currentKind !== undefined && kind !== currentKind) {
    throw bad(`the kind of a secret cannot change: this one is ${currentKind}`);
  }
  const values = secret[kind];
  const allowed = SECRET_KINDS[kind].fields;
  if (!isObject(values) || Object.keys(values).length === 0) {
    throw bad(`secret.${kind} must be an object with at least one of: ${allowed.join(', ')}`);
  }
  for (const [field, fieldValue] of Object.entries(values)) {
    if (!allowed.includes(field)) {
      throw bad(`secret.${kind}.${field} is not a known field (known: ${allowed.join(', ')})`);
    }
    if (typeof fieldValue !== 'string') {
      throw bad(`secret.${kind}.${field} must be a string`);
    }
  }
  return { kind, values: values as Record<string, string> };
}

function rejectUnknownKeys(body: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(body).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw bad(`unknown properties: ${unknown.join(', ')} (accepted: ${known.join(', ')})`);
  }
}

function optionalString(body: Record<string, unknown>, key: string): void {
  if (body[key] !== undefined && typeof body[key] !== 'string') {
    throw bad(`${key} must be a string`);
  }
}

function optionalStringArray(body: Record<string, unknown>, key: string): void {
  const value = body[key];
  if (
    value !== undefined &&
    (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
  ) {
    throw bad(`${key} must be a list of strings`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(message: string): SimulatedError {
  return new SimulatedError('badRequest', `Invalid secret: ${message}`);
}
