import { Injectable } from '@nestjs/common';
import type { Caller } from 'src/common/access/caller.type';
import { ProfileRegistry } from 'src/credentials/profile-registry.service';
import { RegionRegistry } from './region-registry.service';
import type { UpstreamCall } from './upstream-call.type';

/**
 * Resolves a caller's call to a region once: the region by name or alias (404 UNKNOWN_REGION
 * otherwise) and the credential profile that serves the caller there (403 otherwise). Shared by
 * the edge guard (`:region` routes) and the MCP tools, so both decide access the same way.
 */
@Injectable()
export class UpstreamCallResolver {
  constructor(
    private readonly regions: RegionRegistry,
    private readonly profiles: ProfileRegistry,
  ) {}

  resolve(caller: Caller, regionName: string, requestId: string): UpstreamCall {
    const region = this.regions.resolve(regionName);
    return {
      caller,
      region,
      profile: this.profiles.profileFor(region.name, caller),
      requestId,
    };
  }
}
