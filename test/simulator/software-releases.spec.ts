import { type RunningSimulator, startSimulator } from 'src/simulator';
import type { GreenLakeErrorWire } from 'src/upstream/wire/error.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type {
  SoftwareReleaseWire,
  SoftwareUpgradeWire,
} from 'src/upstream/wire/software-release.wire';
import { DS, type RegionApi, connect, send } from './simulator-harness';

describe('software releases', () => {
  let sim: RunningSimulator;
  let api: RegionApi;
  let releases: SoftwareReleaseWire[];

  beforeAll(async () => {
    sim = await startSimulator();
    api = await connect(sim);
    const first = await api.get<ListWire<SoftwareReleaseWire>>(`${DS}/software-releases?limit=100`);
    const second = await api.get<ListWire<SoftwareReleaseWire>>(
      `${DS}/software-releases?offset=100`,
    );
    releases = [...first.body.items, ...second.body.items];
  });
  afterAll(() => sim.stop());

  const download = (id: string, file: string): ReturnType<RegionApi['write']> =>
    api.write('POST', `${DS}/software-releases/${id}/download`, { file });

  it('answers 303 with an absolute Location on the global listener, which serves the file', async () => {
    const release = releases.find((candidate) => candidate.downloadable)!;
    const reply = await download(release.id, 'SOFTWARE');
    expect(reply.status).toBe(303);
    expect(reply.body).toEqual({});
    const location = reply.headers.get('location')!;
    expect(location.startsWith(`${new URL(sim.tokenUrl).origin}/downloads/`)).toBe(true);
    const file = await send<string>(location);
    expect(file.status).toBe(200);
    expect(file.body).toContain(release.software!.filename);
    expect((await send(location.replace(/signature=\w+/, 'signature=forged'))).status).toBe(404);
  });

  it('answers 403 HPE_GL_DATA_SERVICES_RELEASE_DENIED when the release is not downloadable', async () => {
    const denied = releases.find((candidate) => !candidate.downloadable)!;
    const reply = await download(denied.id, 'SOFTWARE');
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({
      httpStatusCode: 403,
      errorCode: 'HPE_GL_DATA_SERVICES_RELEASE_DENIED',
    });
  });

  it('answers 404 for a missing signature or release, 400 for a bad file', async () => {
    const unsigned = releases.find(
      (candidate) => candidate.downloadable && candidate.signature === null,
    )!;
    expect((await download(unsigned.id, 'SIGNATURE')).status).toBe(404);
    expect((await download('00000000-0000-4000-8000-000000000000', 'SOFTWARE')).status).toBe(404);
    const bad = await download(releases[0].id, 'EVERYTHING');
    expect(bad.status).toBe(400);
  });

  it('gets one release, with select', async () => {
    const reply = await api.get<Partial<SoftwareReleaseWire>>(
      `${DS}/software-releases/${releases[0].id}?select=id,version`,
    );
    expect(reply.body).toEqual({ id: releases[0].id, version: releases[0].version });
  });

  it('finds the latest installable release of a component', async () => {
    const componentId = releases[0].softwareComponent!.id!;
    const reply = await api.get<SoftwareReleaseWire>(
      `${DS}/software-components/${componentId}/install-release`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.softwareComponent?.id).toBe(componentId);
    expect(reply.body.usage).not.toBe('UPGRADE');
    expect(
      (
        await api.get(
          `${DS}/software-components/00000000-0000-4000-8000-000000000000/install-release`,
        )
      ).status,
    ).toBe(404);
  });

  it('lists upgrades above an installed version, unpaginated', async () => {
    const componentId = releases[0].softwareComponent!.id!;
    const reply = await api.get<ListWire<SoftwareUpgradeWire>>(
      `${DS}/software-upgrades?software-component-id=${componentId}&version=0.0.1&serial-number=AC-109329`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.count).toBe(reply.body.items.length);
    expect(reply.body.items.length).toBeGreaterThan(0);
    expect(reply.body.items.every((upgrade) => upgrade.softwareRelease?.usage !== 'INSTALL')).toBe(
      true,
    );
  });

  it.each([
    ['', /software-component-id is required/],
    [
      'software-component-id=00000000-0000-4000-8000-000000000000&serial-number=X',
      /version is required/,
    ],
    [
      'software-component-id=00000000-0000-4000-8000-000000000000&version=1.0',
      /serial-number or agent-id/,
    ],
    [
      'software-component-id=00000000-0000-4000-8000-000000000000&version=v1&agent-id=x',
      /version is required.*agent-id must be a UUID/,
    ],
  ])(
    'answers 400 HPE_GL_DATA_SERVICES_INVALID_PARAMETER for software-upgrades?%s',
    async (query, message) => {
      const reply = await api.get<GreenLakeErrorWire>(`${DS}/software-upgrades?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body.errorCode).toBe('HPE_GL_DATA_SERVICES_INVALID_PARAMETER');
      expect(reply.body.message).toMatch(message);
    },
  );
});
