import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiKeyService } from 'src/auth/api-key.service';
import { Caller } from 'src/common/access/caller.type';
import { looksLikeJwt, presentedCredential } from 'src/auth/presented-credential.util';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { CredentialStrategy, Extracted } from './credential.strategy';

export const API_KEY_STRATEGY = 'api-key';

/** Callers with a gateway API key, in `X-API-Key` or as `Authorization: Bearer <key>`. */
@Injectable()
export class ApiKeyStrategy extends CredentialStrategy {
  readonly name = API_KEY_STRATEGY;
  protected readonly rejectMessage = 'Unknown API key';
  private readonly jwtEnabled: boolean;

  constructor(
    private readonly apiKeys: ApiKeyService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    super();
    this.jwtEnabled = config.auth.jwt !== undefined;
  }

  protected extract(headers: IncomingHttpHeaders): Extracted {
    const presented = presentedCredential(headers);
    if (presented?.source === 'malformed') {
      return { problem: presented.problem };
    }
    if (presented?.source === 'bearer' && this.jwtEnabled && looksLikeJwt(presented.value)) {
      // A JWT: the jwt strategy's to judge
      return {};
    }
    return { credential: presented?.value };
  }

  protected validate(key: string): Caller | false {
    const entry = this.apiKeys.findByKey(key);
    if (!entry) {
      return false;
    }
    return { name: entry.name, scopes: entry.scopes, profile: entry.profile, via: 'api-key' };
  }
}
