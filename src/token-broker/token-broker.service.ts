import { Injectable } from '@nestjs/common';
import { Caller } from 'src/common/access/caller.type';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { CredentialProfile } from 'src/config/gateway-config.type';
import { AccessToken } from 'src/credentials/access-token.type';
import { ProfileRegistry } from 'src/credentials/profile-registry.service';
import { TokenService } from 'src/credentials/token.service';
import { RegionRegistry } from 'src/regions/region-registry.service';
import { TokenQueryDto } from './dto/token-query.dto';

/** Hands GreenLake tokens to scripts, within the profiles their key may use. */
@Injectable()
export class TokenBrokerService {
  constructor(
    private readonly profiles: ProfileRegistry,
    private readonly regions: RegionRegistry,
    private readonly tokens: TokenService,
  ) {}

  async issue(caller: Caller, query: TokenQueryDto): Promise<AccessToken> {
    const profile = this.profileFor(caller, query);
    const minTtlMs = (query.minTtlSeconds ?? 0) * 1000;
    const token = await this.tokens.getToken(profile, { minTtlMs });
    const lifetimeSeconds = Math.floor((token.expiresAt - token.issuedAt) / 1000);
    if (token.expiresAt - Date.now() < minTtlMs) {
      throw new GatewayError(
        GatewayErrorCode.VALIDATION_FAILED,
        `minTtlSeconds=${query.minTtlSeconds} exceeds what the issuer grants (tokens of profile "${profile.name}" live ${lifetimeSeconds} s)`,
        { details: { maxMinTtlSeconds: lifetimeSeconds } },
      );
    }
    return token;
  }

  async refresh(profileName: string | undefined): Promise<AccessToken> {
    const profile = profileName
      ? this.namedProfile(profileName)
      : this.profiles.profileFor(this.regions.defaultRegion.name);
    return this.tokens.forceRefresh(profile);
  }

  /** `profile` wins over `region`; a key bound to a profile never gets another profile's token. */
  private profileFor(caller: Caller, query: TokenQueryDto): CredentialProfile {
    if (query.profile) {
      if (caller.profile && caller.profile !== query.profile) {
        throw new GatewayError(
          GatewayErrorCode.FORBIDDEN,
          `Caller "${caller.name}" is bound to profile "${caller.profile}" and may not use profile "${query.profile}"`,
        );
      }
      return this.namedProfile(query.profile);
    }
    if (query.region) {
      return this.profiles.profileFor(this.regions.resolve(query.region).name, caller);
    }
    if (caller.profile) {
      return this.namedProfile(caller.profile);
    }
    return this.profiles.profileFor(this.regions.defaultRegion.name, caller);
  }

  private namedProfile(name: string): CredentialProfile {
    const profile = this.profiles.byProfileName(name);
    if (!profile) {
      throw new GatewayError(
        GatewayErrorCode.RESOURCE_NOT_FOUND,
        `Unknown credential profile "${name}"`,
        {
          details: { knownProfiles: this.profiles.all.map((known) => known.name) },
        },
      );
    }
    return profile;
  }
}
