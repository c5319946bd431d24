import { Logger } from '@nestjs/common';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';

const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;

interface Refusal {
  until: number;
  backoffMs: number;
}

/**
 * Regions that refuse even a freshly issued token of a profile (the token endpoint accepts the
 * credentials, the region does not: wrong workspace or region, missing role). Without this each
 * request fetched a new token: 500 requests made 101 token calls. Now the pair rests for 30 s
 * (doubling to 5 min while it keeps failing), answering 502 at once, with one log line per episode.
 */
export class RegionRefusals {
  private readonly logger = new Logger('TokenService');
  private readonly refusals = new Map<string, Refusal>();

  /** Throws 502 UPSTREAM_AUTH_FAILED while the region rests for this profile. */
  check(profile: string, region: string): void {
    const refusal = this.refusals.get(key(profile, region));
    const leftMs = refusal ? refusal.until - Date.now() : 0;
    if (leftMs > 0) {
      throw new GatewayError(
        GatewayErrorCode.UPSTREAM_AUTH_FAILED,
        `GreenLake (${region}) refuses the gateway's tokens of profile "${profile}", even fresh ones; an operator must check the API client (next try in ${Math.ceil(leftMs / 1000)} s)`,
      );
    }
  }

  refused(profile: string, region: string): void {
    const previous = this.refusals.get(key(profile, region));
    if (previous && previous.until > Date.now()) {
      return; // a call that was already under way when the episode began
    }
    const backoffMs = previous
      ? Math.min(MAX_BACKOFF_MS, previous.backoffMs * 2)
      : FIRST_BACKOFF_MS;
    this.refusals.set(key(profile, region), { until: Date.now() + backoffMs, backoffMs });
    this.logger.error(
      `CONFIGURATION ERROR: GreenLake region ${region} refuses even fresh tokens of profile "${profile}" (401) although its token endpoint issues them. ` +
        `Check that the API client's workspace is served by region ${region} (the profile's regions and workspace id) and that the API client has permissions (roles) for this service. ` +
        `Calls for ${region} with this profile answer 502 UPSTREAM_AUTH_FAILED for ${backoffMs / 1000} s before the gateway tries again.`,
    );
  }

  accepted(profile: string, region: string): void {
    if (this.refusals.size > 0) {
      this.refusals.delete(key(profile, region));
    }
  }
}

const key = (profile: string, region: string): string => `${profile}\u0000${region}`;
