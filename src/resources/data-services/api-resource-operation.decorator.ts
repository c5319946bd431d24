import { ApiOperation } from '@nestjs/swagger';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import { describeListDefaults } from 'src/catalog/resource-defaults.util';
import type { ResourceDefaults, ResourceName } from 'src/catalog/resource-spec.type';

export interface ResourceOperationDoc {
  resource: ResourceName;
  summary: string;
  description?: string;
  /** List routes also show the resource's server-side defaults and paging. */
  list?: boolean;
}

interface DocumentedList {
  doc: ResourceOperationDoc;
  apply: (description: string) => void;
}

// List routes whose description must show the defaults in force, known only once config is read
const LIST_OPERATIONS: DocumentedList[] = [];

/** ApiOperation for a resource route; a list route's description shows its defaults. */
export function ApiResourceOperation(doc: ResourceOperationDoc): MethodDecorator {
  return (target, key, descriptor) => {
    const apply = (description: string) =>
      ApiOperation({ summary: doc.summary, description })(target, key, descriptor);
    if (doc.list) {
      LIST_OPERATIONS.push({ doc, apply });
      apply(composeDescription(doc, RESOURCE_CATALOG[doc.resource].defaults));
    } else {
      apply(doc.description ?? '');
    }
  };
}

/** Rewrites every list route's description with the effective defaults (the OpenAPI document is built lazily). */
export function documentEffectiveDefaults(
  defaultsFor: (name: ResourceName) => ResourceDefaults,
): void {
  for (const { doc, apply } of LIST_OPERATIONS) {
    apply(composeDescription(doc, defaultsFor(doc.resource)));
  }
}

function composeDescription(doc: ResourceOperationDoc, defaults: ResourceDefaults): string {
  const parts = [
    doc.description,
    describeListDefaults(RESOURCE_CATALOG[doc.resource], defaults),
    describeCaching(defaults.cacheTtlSeconds),
  ];
  return parts.filter((part) => part).join('\n\n');
}

/** What the response cache does for a list route (GATEWAY_DEFAULTS_FILE may change the TTL). */
function describeCaching(ttlSeconds: number): string {
  if (ttlSeconds <= 0) {
    return '**Cache**: not cached (TTL 0).';
  }
  return (
    `**Cache**: answers are cached for ${ttlSeconds} s per credential profile, region and query ` +
    '(parameters in any order, defaults applied), and dropped when the gateway writes this resource. ' +
    'The answer says `X-Cache: HIT|MISS|BYPASS|STALE`, with `Age` on a HIT and an `ETag`: send it ' +
    'back as `If-None-Match` for a `304`, or `Cache-Control: no-cache` to read GreenLake now. When ' +
    'GreenLake fails, an entry up to `GATEWAY_CACHE_STALE_SECONDS` past its TTL answers (`STALE`).'
  );
}
