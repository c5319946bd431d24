import type { OpenAPIObject } from '@nestjs/swagger';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface OpenApiDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/**
 * What differs between two documents, by operation (`POST /v1/token`), by schema
 * (`schema TokenResponseDto`) and by any other top-level part (`info`, `components.securitySchemes`).
 */
export function diffOpenApi(before: OpenAPIObject, after: OpenAPIObject): OpenApiDiff {
  const diff: OpenApiDiff = { added: [], removed: [], changed: [] };
  compareMaps(operationsOf(before), operationsOf(after), diff);
  compareMaps(
    prefixed('schema ', before.components?.schemas ?? {}),
    prefixed('schema ', after.components?.schemas ?? {}),
    diff,
  );
  compareMaps(restOf(before), restOf(after), diff);
  return diff;
}

export function isEmptyDiff(diff: OpenApiDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}

function operationsOf(document: OpenAPIObject): Record<string, unknown> {
  const operations: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      operations[HTTP_METHODS.includes(key) ? `${key.toUpperCase()} ${path}` : `${path} ${key}`] =
        value;
    }
  }
  return operations;
}

function restOf(document: OpenAPIObject): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    if (key !== 'paths' && key !== 'components') {
      rest[key] = value;
    }
  }
  for (const [key, value] of Object.entries(document.components ?? {})) {
    if (key !== 'schemas') {
      rest[`components.${key}`] = value;
    }
  }
  return rest;
}

function prefixed(prefix: string, map: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [`${prefix}${key}`, value]));
}

function compareMaps(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  diff: OpenApiDiff,
): void {
  for (const key of Object.keys(after)) {
    if (!(key in before)) {
      diff.added.push(key);
    } else if (canonical(before[key]) !== canonical(after[key])) {
      diff.changed.push(key);
    }
  }
  diff.removed.push(...Object.keys(before).filter((key) => !(key in after)));
}

/** JSON with sorted keys: equal content compares equal whatever the key order or the realm. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) =>
    node !== null && typeof node === 'object' && !Array.isArray(node)
      ? Object.fromEntries(
          Object.entries(node as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : node,
  );
}
