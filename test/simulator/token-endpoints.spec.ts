import { type RunningSimulator, startSimulator } from 'src/simulator';
import type { TokenErrorWire, TokenResponseWire } from 'src/upstream/wire/token.wire';
import {
  DEFAULT_CLIENT,
  DS,
  FORM_TYPE,
  RegionApi,
  requestToken,
  send,
  tokenFor,
} from './simulator-harness';

const WORKSPACE_CLIENT = {
  clientId: 'ws-client',
  clientSecret: 'ws-secret',
  workspaceId: 'workspace-a',
};

describe('token endpoints', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ clients: [DEFAULT_CLIENT, WORKSPACE_CLIENT] });
  });
  afterAll(() => sim.stop());
  beforeEach(() => sim.controls.reset());

  const endpoints = (): [string, string, number][] => [
    ['legacy', sim.tokenUrl, 7199],
    ['workspace', sim.workspaceTokenUrl('workspace-z'), 900],
  ];

  describe.each(['form', 'basic'] as const)('client authentication in %s', (style) => {
    it('issues a Bearer token from both endpoints, with the lifetime of each issuer', async () => {
      for (const [, url, lifetime] of endpoints()) {
        const reply = await requestToken<TokenResponseWire>(sim, { url, style });
        expect(reply.status).toBe(200);
        expect(reply.headers.get('cache-control')).toBe('no-store');
        expect(reply.body).toEqual({
          access_token: expect.any(String),
          token_type: 'Bearer',
          expires_in: lifetime,
        });
      }
      expect(sim.controls.requests({ target: 'token' }).map((entry) => entry.authStyle)).toEqual([
        style,
        style,
      ]);
    });
  });

  it('issues a JWT-shaped token with the usual claims, unique per issue', async () => {
    const first = await tokenFor(sim);
    const second = await tokenFor(sim);
    expect(first).not.toBe(second);
    const parts = first.split('.');
    expect(parts).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      aud: 'external_api',
      client_id: 'simulator-client',
      iss: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      jti: expect.any(String),
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(7199);
  });

  it.each([
    ['a wrong secret', { clientSecret: 'nope' }],
    ['an unknown client', { clientId: 'nobody' }],
    ['a wrong secret over Basic', { clientSecret: 'nope', style: 'basic' as const }],
  ])('answers 401 invalid_client for %s', async (_case, options) => {
    const reply = await requestToken<TokenErrorWire>(sim, options);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
  });

  it('answers 401 when no client credentials are sent', async () => {
    const reply = await send<TokenErrorWire>(sim.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': FORM_TYPE },
      body: 'grant_type=client_credentials',
    });
    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe('invalid_client');
  });

  it('answers 400 unsupported_grant_type for another grant', async () => {
    const reply = await requestToken<TokenErrorWire>(sim, { grantType: 'password' });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('unsupported_grant_type');
  });

  it('answers 400 invalid_request for a JSON body or two authentication methods', async () => {
    const json = await send<TokenErrorWire>(sim.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', ...DEFAULT_CLIENT }),
    });
    expect(json.status).toBe(400);
    expect(json.body.error).toBe('invalid_request');
    const both = await send<TokenErrorWire>(sim.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': FORM_TYPE,
        authorization: `Basic ${Buffer.from('simulator-client:simulator-secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials&client_secret=simulator-secret',
    });
    expect(both.status).toBe(400);
    expect(both.body.error).toBe('invalid_request');
  });

  it('gives a workspace client tokens from its own workspace URL only', async () => {
    const own = await requestToken(sim, {
      ...WORKSPACE_CLIENT,
      url: sim.workspaceTokenUrl('workspace-a'),
    });
    const legacy = await requestToken(sim, { ...WORKSPACE_CLIENT });
    const other = await requestToken(sim, {
      ...WORKSPACE_CLIENT,
      url: sim.workspaceTokenUrl('workspace-b'),
    });
    expect([own.status, legacy.status, other.status]).toEqual([200, 401, 401]);
  });

  it('uses tokenLifetimeSeconds for both endpoints when set, and setTokenLifetime at run time', async () => {
    const short = await startSimulator({ tokenLifetimeSeconds: 120 });
    try {
      for (const url of [short.tokenUrl, short.workspaceTokenUrl('w')]) {
        expect((await requestToken<TokenResponseWire>(short, { url })).body.expires_in).toBe(120);
      }
      short.controls.setTokenLifetime(5);
      expect((await requestToken<TokenResponseWire>(short)).body.expires_in).toBe(5);
    } finally {
      await short.stop();
    }
  });

  it('logs the client and its authentication style, never the secret', async () => {
    await tokenFor(sim, { style: 'basic' });
    await requestToken(sim, { clientSecret: 'wrong-secret-value' });
    const log = sim.controls.requests({ target: 'token' });
    expect(log).toEqual([
      expect.objectContaining({
        clientId: 'simulator-client',
        authStyle: 'basic',
        status: 200,
        method: 'POST',
        path: '/as/token.oauth2',
      }),
      expect.objectContaining({ clientId: 'simulator-client', authStyle: 'form', status: 401 }),
    ]);
    expect(JSON.stringify(log)).not.toMatch(/simulator-secret|wrong-secret-value/);
    expect(log[0].body).toBeUndefined();
  });

  it('scopes a workspace token to that workspace', async () => {
    const token = await tokenFor(sim, { url: sim.workspaceTokenUrl('workspace-z') });
    const reply = await new RegionApi(sim, token).get<{ items: { customerId: string }[] }>(
      `${DS}/tags?limit=1`,
    );
    expect(reply.status).toBe(200);
    const legacy = await new RegionApi(sim, await tokenFor(sim)).get<{
      items: { customerId: string }[];
    }>(`${DS}/tags?limit=1`);
    expect(reply.body.items[0].customerId).not.toBe(legacy.body.items[0].customerId);
  });
});
