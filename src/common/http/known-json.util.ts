import { deepFreeze } from 'src/common/deep-freeze.util';

// Frozen values whose JSON text is already at hand: a cached entry's parsed body is sent as the
// entry's own text instead of being stringified again on every hit (Fastify's serialisation was
// the largest single cost of a hit). Frozen, so that the text can never stop matching the value.
const jsonTextOf = new WeakMap<object, string>();

/** `value`, deep-frozen, remembered as the value whose JSON text is `json`. */
export function withKnownJson<T>(value: T, json: string): T {
  if (value !== null && typeof value === 'object') {
    deepFreeze(value);
    jsonTextOf.set(value, json);
  }
  return value;
}

/** Fastify's reply serializer: the known text of a remembered value, else JSON.stringify. */
export function serializeReply(payload: unknown): string {
  return (
    (payload !== null && typeof payload === 'object' && jsonTextOf.get(payload)) ||
    JSON.stringify(payload)
  );
}
