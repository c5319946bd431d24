import { type RunningSimulator, startSimulator } from 'src/simulator';
import { DS, connect } from './simulator-harness';

const LISTS = [
  'async-operations?limit=1000',
  'issues?limit=100',
  'issues-metadata',
  'dual-auth-operations?limit=100',
  'secrets?limit=120',
  'secret-assignments?limit=120',
  'settings?limit=100',
  'software-releases?limit=100',
  'software-releases?offset=100',
  'storage-locations',
  'tags?limit=1000',
];

async function snapshot(
  sim: RunningSimulator,
  region: string,
  workspace?: string,
): Promise<unknown[]> {
  const api = await connect(
    sim,
    region,
    workspace ? { url: sim.workspaceTokenUrl(workspace) } : {},
  );
  return Promise.all(LISTS.map(async (path) => (await api.get(`${DS}/${path}`)).body));
}

describe('determinism', () => {
  let first: RunningSimulator;
  let second: RunningSimulator;

  beforeAll(async () => {
    [first, second] = await Promise.all([startSimulator(), startSimulator()]);
  });
  afterAll(() => Promise.all([first.stop(), second.stop()]));

  it('gives identical seeded data in two simulators, for every resource', async () => {
    const [a, b] = await Promise.all([
      snapshot(first, 'eu-central'),
      snapshot(second, 'eu-central'),
    ]);
    expect(b).toEqual(a);
    const [wa, wb] = await Promise.all([
      snapshot(first, 'us1', 'ws-7'),
      snapshot(second, 'us1', 'ws-7'),
    ]);
    expect(wb).toEqual(wa);
  });

  it('gives other data to another workspace of the same region', async () => {
    const [base, other] = await Promise.all([
      snapshot(first, 'eu-central'),
      snapshot(first, 'eu-central', 'ws-7'),
    ]);
    expect(other[0]).not.toEqual(base[0]);
  });

  it('keeps seeded timestamps away from the clock', async () => {
    const api = await connect(first, 'jp1');
    const reply = await api.get<{ items: { createdAt: string }[] }>(
      `${DS}/async-operations?limit=1000`,
    );
    expect(reply.body.items.every((operation) => operation.createdAt < '2026-06-02')).toBe(true);
  });
});
