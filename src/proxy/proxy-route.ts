/** The pass-through's route, under the `/v1` version prefix; the one place that spells it. */
export const PROXY_ROUTE = 'regions/:region/proxy';

// The route prefix in a raw request target, before Fastify decodes anything
export const PROXY_PREFIX = /^\/v1\/regions\/[^/?#]+\/proxy\//;

/** The gateway URL of a GreenLake path (without leading `/`, query included) in a region. */
export const proxyUrlFor = (region: string, path: string): string =>
  `/v1/regions/${encodeURIComponent(region)}/proxy/${path}`;
