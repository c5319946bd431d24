import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import { RESOURCE_NAMES, type ResourceName } from 'src/catalog/resource-spec.type';

/** Which cache scope a pass-through path belongs to. */
export interface PassThroughScope {
  /** A catalog resource (its TTL and entries are the resource routes'), or a collection path. */
  resource: string;
  catalog?: ResourceName;
  /** One item of the collection (`.../settings/{id}`): its ETag is GreenLake's generation. */
  item: boolean;
}

/**
 * `/data-services/v1beta1/secrets/{id}` → the `secrets` resource; another family's
 * `/virtualization/v1beta1/virtual-machines/{id}` → `virtualization/v1beta1/virtual-machines`
 * (family, version and collection: its writes void its reads).
 */
export function passThroughScopeOf(path: string): PassThroughScope | undefined {
  for (const name of RESOURCE_NAMES) {
    const base = RESOURCE_CATALOG[name].upstreamPath;
    if (path === base || path.startsWith(`${base}/`)) {
      const rest = path.slice(base.length + 1);
      return { resource: name, catalog: name, item: rest !== '' && !rest.includes('/') };
    }
  }
  const segments = path.split('/').filter(Boolean);
  if (segments.length < 3) {
    return undefined;
  }
  return { resource: segments.slice(0, 3).join('/'), item: segments.length === 4 };
}
