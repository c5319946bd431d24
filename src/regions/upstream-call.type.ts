import type { Caller } from 'src/common/access/caller.type';
import type { CredentialProfile, RegionConfig } from 'src/config/gateway-config.type';

/**
 * One caller's call to GreenLake, resolved at the edge before any handler runs: who asks, the
 * region (by canonical config, aliases already resolved), the credential profile that serves that
 * caller there, and the request id. Everything below the controllers takes this and decides
 * nothing more about access.
 */
export interface UpstreamCall {
  caller: Caller;
  region: RegionConfig;
  profile: CredentialProfile;
  requestId: string;
  /** Aborts when the caller goes away before its answer is sent: the upstream read stops too. */
  signal?: AbortSignal;
  /** The caller asked for a fresh answer (`Cache-Control: no-cache` on a GET): the cache refills. */
  refresh?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by UpstreamCallGuard on every route with a `:region` parameter. */
    upstreamCall?: UpstreamCall;
  }
}
