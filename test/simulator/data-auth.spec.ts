import { type RunningSimulator, startSimulator } from 'src/simulator';
import type { GreenLakeErrorWire, LegacyErrorWire } from 'src/upstream/wire/error.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type { SecretWire } from 'src/upstream/wire/secret.wire';
import type { TagWire } from 'src/upstream/wire/tag.wire';
import { DEFAULT_CLIENT, DS, RegionApi, connect, sleep, tokenFor } from './simulator-harness';

const UNAUTHENTICATED = 'The request did not provide valid authentication.';
const CLIENT_A = { clientId: 'client-a', clientSecret: 'secret-a', workspaceId: 'workspace-a' };
const CLIENT_B = { clientId: 'client-b', clientSecret: 'secret-b', workspaceId: 'workspace-b' };

describe('bearer check on data routes', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ clients: [DEFAULT_CLIENT, CLIENT_A, CLIENT_B] });
  });
  afterAll(() => sim.stop());
  beforeEach(() => sim.controls.reset());

  const expect401 = async (api: RegionApi, path = `${DS}/issues`): Promise<GreenLakeErrorWire> => {
    const reply = await api.get<GreenLakeErrorWire>(path);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBeNull();
    expect(reply.headers.get('ratelimit-limit')).not.toBeNull();
    expect(reply.body).toEqual({
      httpStatusCode: 401,
      errorCode: expect.any(String),
      message: UNAUTHENTICATED,
      debugId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    return reply.body;
  };

  it('answers 401 without a token, with the errorCode of the resource family', async () => {
    const api = new RegionApi(sim, undefined);
    expect((await expect401(api)).errorCode).toBe('HPE_GL_ERROR_UNAUTHORIZED');
    expect((await expect401(api, `${DS}/async-operations`)).errorCode).toBe('UNAUTHENTICATED');
    expect((await expect401(api, `${DS}/tags`)).errorCode).toBe('HPE_GL_ERROR_UNAUTHORIZED');
  });

  it('answers 401 for a malformed or unknown token', async () => {
    await expect401(new RegionApi(sim, 'not-a-jwt'));
    const token = await tokenFor(sim);
    const [header, payload] = token.split('.');
    await expect401(new RegionApi(sim, `${header}.${payload}.forged-signature`));
  });

  it('answers 401 once tokens are expired or revoked, and accepts new ones', async () => {
    const expired = await connect(sim);
    expect((await expired.get(`${DS}/issues`)).status).toBe(200);
    sim.controls.expireAllTokens();
    await expect401(expired);

    const revoked = await connect(sim);
    expect((await revoked.get(`${DS}/issues`)).status).toBe(200);
    sim.controls.revokeAllTokens();
    await expect401(revoked);
    expect((await (await connect(sim)).get(`${DS}/issues`)).status).toBe(200);
  });

  it('lets a token expire on its own after its lifetime', async () => {
    const shortLived = await startSimulator({ tokenLifetimeSeconds: 1 });
    try {
      const api = await connect(shortLived);
      expect((await api.get(`${DS}/tags`)).status).toBe(200);
      await sleep(1100);
      expect((await api.get(`${DS}/tags`)).status).toBe(401);
    } finally {
      await shortLived.stop();
    }
  });

  it('accepts a token on every region', async () => {
    const token = await tokenFor(sim);
    for (const region of Object.keys(sim.regionUrls)) {
      expect((await new RegionApi(sim, token, region).get(`${DS}/tags?limit=1`)).status).toBe(200);
    }
  });

  it('keeps workspaces apart: other customerId, other seeded data, own writes', async () => {
    const a = await connect(sim, 'us-west', {
      ...CLIENT_A,
      url: sim.workspaceTokenUrl('workspace-a'),
    });
    const b = await connect(sim, 'us-west', {
      ...CLIENT_B,
      url: sim.workspaceTokenUrl('workspace-b'),
    });
    const tagsA = (await a.get<ListWire<TagWire>>(`${DS}/tags?limit=50`)).body.items;
    const tagsB = (await b.get<ListWire<TagWire>>(`${DS}/tags?limit=50`)).body.items;
    expect(new Set(tagsA.map((tag) => tag.customerId)).size).toBe(1);
    expect(tagsA[0].customerId).not.toBe(tagsB[0].customerId);
    const idsB = new Set(tagsB.map((tag) => tag.id));
    expect(tagsA.some((tag) => idsB.has(tag.id))).toBe(false);

    const created = await a.write<SecretWire>('POST', `${DS}/secrets`, {
      name: 'only-in-a',
      service: '',
      secret: { generic: { secret: 's' } },
    });
    expect(created.status).toBe(200);
    expect((await a.get(`${DS}/secrets/${created.body.id}`)).status).toBe(200);
    expect((await b.get(`${DS}/secrets/${created.body.id}`)).status).toBe(404);
    const namesB = (await b.get<ListWire<SecretWire>>(`${DS}/secrets?limit=120`)).body.items.map(
      (s) => s.name,
    );
    expect(namesB).not.toContain('only-in-a');
  });

  it('seeds each region of a workspace differently', async () => {
    const token = await tokenFor(sim);
    const west = await new RegionApi(sim, token, 'us-west').get<ListWire<TagWire>>(
      `${DS}/tags?limit=5`,
    );
    const europe = await new RegionApi(sim, token, 'eu-central').get<ListWire<TagWire>>(
      `${DS}/tags?limit=5`,
    );
    expect(west.body.items.map((tag) => tag.id)).not.toEqual(
      europe.body.items.map((tag) => tag.id),
    );
  });
});

describe('legacy error envelope', () => {
  it('answers { error, errorCode, traceId } when errorEnvelope is legacy', async () => {
    const sim = await startSimulator({ errorEnvelope: 'legacy' });
    try {
      const reply = await new RegionApi(sim, undefined).get<LegacyErrorWire>(`${DS}/issues`);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({
        error: UNAUTHENTICATED,
        errorCode: '401',
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
    } finally {
      await sim.stop();
    }
  });
});
