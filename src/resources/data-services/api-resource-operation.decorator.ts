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
  const parts = [doc.description, describeListDefaults(RESOURCE_CATALOG[doc.resource], defaults)];
  return parts.filter((part) => part).join('\n\n');
}
