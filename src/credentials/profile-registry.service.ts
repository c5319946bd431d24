import { Inject, Injectable } from '@nestjs/common';
import { Caller } from 'src/common/access/caller.type';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { DEFAULT_PROFILE } from 'src/config/env.validation';
import { CredentialProfile, GatewayConfig } from 'src/config/gateway-config.type';

/** Which credential profile (GreenLake workspace) serves a caller in a region. */
@Injectable()
export class ProfileRegistry {
  private readonly byName: ReadonlyMap<string, CredentialProfile>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.byName = new Map(config.credentials.profiles.map((profile) => [profile.name, profile]));
  }

  get all(): CredentialProfile[] {
    return [...this.byName.values()];
  }

  byProfileName(name: string): CredentialProfile | undefined {
    return this.byName.get(name);
  }

  /** A bound caller always uses its own profile; others use the region's one (checked at boot). */
  profileFor(region: string, caller?: Caller): CredentialProfile {
    if (caller?.profile) {
      const own = this.byName.get(caller.profile);
      if (!own?.regions.includes(region)) {
        throw new GatewayError(
          GatewayErrorCode.FORBIDDEN,
          `Profile "${caller.profile}" of caller "${caller.name}" does not serve region "${region}"`,
        );
      }
      return own;
    }
    const fallback = this.byName.get(DEFAULT_PROFILE);
    if (fallback?.regions.includes(region)) {
      return fallback;
    }
    const serving = this.all.filter((profile) => profile.regions.includes(region));
    if (serving.length !== 1) {
      throw new GatewayError(
        GatewayErrorCode.FORBIDDEN,
        `Region "${region}" is served by ${serving.length} profiles; this caller must be bound to one`,
      );
    }
    return serving[0];
  }
}
