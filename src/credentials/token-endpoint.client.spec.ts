import type { HttpService } from '@nestjs/axios';
import { Logger } from '@nestjs/common';
import { of } from 'rxjs';
import type { CredentialProfile, GatewayConfig } from 'src/config/gateway-config.type';
import { TokenEndpointClient } from './token-endpoint.client';

const profile = (name: string) =>
  ({
    name,
    tokenUrl: 'http://127.0.0.1:1/as/token.oauth2',
    clientId: 'id',
    clientSecret: 'secret',
    authStyle: 'form',
  }) as unknown as CredentialProfile;

describe(TokenEndpointClient.name, () => {
  afterEach(() => jest.restoreAllMocks());

  const clientAnswering = (data: unknown) => {
    const http = { post: () => of({ status: 200, data, headers: {} }) };
    return new TokenEndpointClient(
      http as unknown as HttpService,
      { upstream: { timeoutMs: 1000 } } as GatewayConfig,
    );
  };

  it('a token answer without expires_in lives 900 s, and says so once per profile', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const client = clientAnswering({ access_token: 'token-value', token_type: 'Bearer' });
    for (const name of ['a', 'a', 'b']) {
      expect(await client.requestToken(profile(name))).toEqual({
        accessToken: 'token-value',
        expiresInSeconds: 900,
      });
    }
    const lines = warn.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/profile "a".*no expires_in.*900 s/);
    expect(lines.join('\n')).not.toContain('token-value');
  });

  it('honours expires_in when given, without a warning', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const issued = await clientAnswering({ access_token: 't', expires_in: 7199 }).requestToken(
      profile('a'),
    );
    expect(issued.expiresInSeconds).toBe(7199);
    expect(warn).not.toHaveBeenCalled();
  });
});
