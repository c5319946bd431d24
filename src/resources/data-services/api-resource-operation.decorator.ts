import { ApiOperation } from '@nestjs/swagger';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import { describeListDefaults } from 'src/catalog/resource-defaults.util';
import type { ResourceDefaults, ResourceName } from 'src/catalog/resource-spec.type';
import {
  documentsStatus,
  gatewayErrorResponse,
  greenLakeErrorExample,
  type RouteErrorDoc,
  validationErrorExample,
} from 'src/common/decorators/api-gateway-errors.decorator';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import {
  maxFilterLengthMessage,
  maxLimitMessage,
} from 'src/resources/data-services/list-query.decorators';

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

/**
 * ApiOperation for a resource route; a list route's description shows its defaults, and its 400
 * examples are about its own limit (or filter) unless the route declares its 400 itself.
 */
export function ApiResourceOperation(doc: ResourceOperationDoc): MethodDecorator {
  return (target, key, descriptor) => {
    const apply = (description: string) =>
      ApiOperation({ summary: doc.summary, description })(target, key, descriptor);
    if (doc.list) {
      LIST_OPERATIONS.push({ doc, apply });
      apply(composeDescription(doc, RESOURCE_CATALOG[doc.resource].defaults));
      if (!documentsStatus(descriptor.value as object, 400)) {
        gatewayErrorResponse(400, listBadRequest(doc.resource))(target, key, descriptor);
      }
    } else {
      apply(doc.description ?? '');
    }
  };
}

/** A list's 400: a limit over its GreenLake maximum (a filter too long, unpaged), or a filter GreenLake refuses. */
function listBadRequest(resource: ResourceName): RouteErrorDoc {
  return {
    examples: [
      validationErrorExample(
        RESOURCE_CATALOG[resource].paging
          ? maxLimitMessage(resource)
          : maxFilterLengthMessage(resource),
      ),
      greenLakeErrorExample(
        GatewayErrorCode.UPSTREAM_REJECTED,
        "GreenLake rejected the request: Invalid filter \"colour eq 'red'\": 'colour' cannot be filtered on",
        { status: 400, errorCode: 'HPE_GL_ERROR_BAD_REQUEST' },
      ),
    ],
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
