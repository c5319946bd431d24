import { CredentialProfile } from 'src/config/gateway-config.type';
import {
  IssuedToken,
  TokenEndpointClient,
  TokenEndpointError,
} from 'src/credentials/token-endpoint.client';

type PublicApi = Pick<TokenEndpointClient, 'requestToken'>;

/** A token endpoint in memory: counts calls, issues numbered tokens, fails on demand. */
export class FakeTokenEndpoint implements PublicApi {
  calls = 0;
  lifetimeSeconds: number;
  delayMs = 0;
  failWith?: 'unavailable' | 'rejected';

  constructor(options: { lifetimeSeconds?: number } = {}) {
    this.lifetimeSeconds = options.lifetimeSeconds ?? 3600;
  }

  async requestToken(profile: CredentialProfile): Promise<IssuedToken> {
    this.calls++;
    const call = this.calls;
    if (this.delayMs > 0) {
      await new Promise((resume) => setTimeout(resume, this.delayMs));
    }
    if (this.failWith === 'rejected') {
      throw new TokenEndpointError('rejected', 'refused', 401);
    }
    if (this.failWith === 'unavailable') {
      throw new TokenEndpointError('unavailable', 'down', 503, 2);
    }
    return { accessToken: `token-${profile.name}-${call}`, expiresInSeconds: this.lifetimeSeconds };
  }
}
