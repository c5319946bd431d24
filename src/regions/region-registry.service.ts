import { Inject, Injectable } from '@nestjs/common';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig, RegionConfig } from 'src/config/gateway-config.type';

/** The configured regions, resolved by name or alias (case-insensitive). */
@Injectable()
export class RegionRegistry {
  private readonly byName = new Map<string, RegionConfig>();

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    for (const region of config.upstream.regions) {
      for (const name of [region.name, ...region.aliases]) {
        this.byName.set(name, region);
      }
    }
  }

  get all(): readonly RegionConfig[] {
    return this.config.upstream.regions;
  }

  get defaultRegion(): RegionConfig {
    return this.resolve(this.config.upstream.defaultRegion);
  }

  /** The region for a name from a path; a 404 that lists the known names otherwise. */
  resolve(name: string): RegionConfig {
    const region = this.byName.get(name.toLowerCase());
    if (!region) {
      const known = this.all.map((candidate) => candidate.name);
      throw new GatewayError(
        GatewayErrorCode.UNKNOWN_REGION,
        `Unknown region "${name.slice(0, 64)}"; known regions: ${known.join(', ')}`,
        { details: { knownRegions: known } },
      );
    }
    return region;
  }
}
