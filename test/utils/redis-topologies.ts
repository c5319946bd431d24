import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis, { Cluster } from 'ioredis';

/** A running Redis topology on loopback, and what a gateway needs to use it. */
export interface TestRedisTopology {
  kind: 'cluster' | 'sentinel';
  /** The gateway's environment for it: REDIS_CLUSTER_NODES, or REDIS_SENTINELS + REDIS_SENTINEL_NAME. */
  env: Record<string, string>;
  /** A client of the topology, for a test's own reads. */
  client(): Redis | Cluster;
  /** Kills the current master (SIGKILL) and resolves once a replica has been promoted. */
  killMaster(): Promise<{ killedPort: number; promotedAfterMs: number }>;
  stop(): Promise<void>;
}

export const SENTINEL_NAME = 'gw-test';
const LOOPBACK = '127.0.0.1';

export function hasRedisTools(): boolean {
  return ['redis-server', 'redis-cli'].every(
    (tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0,
  );
}

/**
 * A 3-master Cluster with one replica each (`redis-cli --cluster create ... --cluster-replicas 1`),
 * with a short node timeout so that a replica takes over a dead master within a few seconds.
 */
export async function startTestCluster(): Promise<TestRedisTopology> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-cluster-'));
  // The cluster bus listens on port + 10000, so both must be free
  const ports = await freePorts(6, (port) => [port, port + 10_000]);
  const servers = new Map<number, ChildProcess>();
  for (const port of ports) {
    servers.set(
      port,
      startServer(
        [
          '--port',
          String(port),
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${port}.conf`),
          '--cluster-node-timeout',
          '1500',
          '--cluster-replica-validity-factor',
          '0',
        ],
        dir,
      ),
    );
  }
  await Promise.all(ports.map((port) => waitFor(() => pingOk(port), `redis ${port}`)));
  const create = spawnSync(
    'redis-cli',
    [
      '--cluster',
      'create',
      ...ports.map((port) => `${LOOPBACK}:${port}`),
      '--cluster-replicas',
      '1',
      '--cluster-yes',
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (create.status !== 0) {
    throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
  }
  await waitFor(() => Promise.resolve(ports.every((port) => clusterOk(port))), 'cluster_state:ok');

  const masters = () =>
    ports.filter((port) => servers.get(port)?.exitCode === null && role(port) === 'master');
  return {
    kind: 'cluster',
    env: { REDIS_CLUSTER_NODES: ports.map((port) => `${LOOPBACK}:${port}`).join(',') },
    client: () =>
      quiet(
        new Cluster(
          ports.map((port) => ({ host: LOOPBACK, port })),
          { redisOptions: { maxRetriesPerRequest: 2 } },
        ),
      ),
    async killMaster() {
      const victim = masters()[0];
      const before = masters().length;
      const started = Date.now();
      servers.get(victim)?.kill('SIGKILL');
      await waitFor(
        () =>
          Promise.resolve(
            masters().length === before &&
              ports
                .filter((port) => port !== victim && servers.get(port)?.exitCode === null)
                .every(clusterOk),
          ),
        'a replica promoted and cluster_state:ok',
        30_000,
      );
      return { killedPort: victim, promotedAfterMs: Date.now() - started };
    },
    stop: () => stopAll([...servers.values()], dir),
  };
}

/** One master, one replica and three sentinels (quorum 2) watching it as SENTINEL_NAME. */
export async function startTestSentinel(): Promise<TestRedisTopology> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-sentinel-'));
  const [masterPort, replicaPort, ...sentinelPorts] = await freePorts(5, (port) => [port]);
  const servers = new Map<number, ChildProcess>();
  servers.set(masterPort, startServer(['--port', String(masterPort)], dir));
  await waitFor(() => pingOk(masterPort), `redis ${masterPort}`);
  servers.set(
    replicaPort,
    startServer(['--port', String(replicaPort), '--replicaof', LOOPBACK, String(masterPort)], dir),
  );
  await waitFor(
    () => Promise.resolve(info(replicaPort).includes('master_link_status:up')),
    'replica in sync',
  );
  for (const port of sentinelPorts) {
    const conf = join(dir, `sentinel-${port}.conf`);
    writeFileSync(
      conf,
      [
        `port ${port}`,
        `bind ${LOOPBACK}`,
        `sentinel monitor ${SENTINEL_NAME} ${LOOPBACK} ${masterPort} 2`,
        `sentinel down-after-milliseconds ${SENTINEL_NAME} 1000`,
        `sentinel failover-timeout ${SENTINEL_NAME} 5000`,
        `sentinel parallel-syncs ${SENTINEL_NAME} 1`,
        '',
      ].join('\n'),
    );
    servers.set(port, spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore', cwd: dir }));
  }
  await waitFor(
    () => Promise.resolve(sentinelPorts.every((port) => sentinelKnows(port, 1, 2))),
    'sentinels see the replica and each other',
    20_000,
  );
  const currentMaster = () => Number(sentinelMaster(sentinelPorts[0]).port);
  return {
    kind: 'sentinel',
    env: {
      REDIS_SENTINELS: sentinelPorts.map((port) => `${LOOPBACK}:${port}`).join(','),
      REDIS_SENTINEL_NAME: SENTINEL_NAME,
    },
    client: () =>
      quiet(
        new Redis({
          sentinels: sentinelPorts.map((port) => ({ host: LOOPBACK, port })),
          name: SENTINEL_NAME,
        }),
      ),
    async killMaster() {
      const victim = currentMaster();
      const started = Date.now();
      servers.get(victim)?.kill('SIGKILL');
      await waitFor(
        () => Promise.resolve(currentMaster() !== victim && role(currentMaster()) === 'master'),
        'sentinel promoted the replica',
        30_000,
      );
      return { killedPort: victim, promotedAfterMs: Date.now() - started };
    },
    stop: () => stopAll([...servers.values()], dir),
  };
}

// A test's own client sees the failovers it causes: its errors are expected, not news
function quiet<T extends Redis | Cluster>(client: T): T {
  client.on('error', () => undefined);
  return client;
}

function startServer(args: string[], dir: string): ChildProcess {
  return spawn(
    'redis-server',
    [...args, '--bind', LOOPBACK, '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
}

function cli(port: number, ...args: string[]): string {
  const result = spawnSync('redis-cli', ['-h', LOOPBACK, '-p', String(port), ...args], {
    encoding: 'utf8',
    timeout: 5_000,
  });
  return result.status === 0 ? result.stdout : '';
}

const pingOk = (port: number) => Promise.resolve(cli(port, 'PING').trim() === 'PONG');
const info = (port: number) => cli(port, 'INFO', 'replication');
const role = (port: number) => /role:(\w+)/.exec(info(port))?.[1];
const clusterOk = (port: number) => cli(port, 'CLUSTER', 'INFO').includes('cluster_state:ok');

function sentinelMaster(port: number): { port: string } {
  const [, masterPort] = cli(port, 'SENTINEL', 'get-master-addr-by-name', SENTINEL_NAME)
    .trim()
    .split('\n');
  return { port: masterPort ?? '0' };
}

function sentinelKnows(port: number, replicas: number, otherSentinels: number): boolean {
  const master = cli(port, 'SENTINEL', 'master', SENTINEL_NAME)
    .split('\n')
    .map((line) => line.trim());
  const field = (name: string) => Number(master[master.indexOf(name) + 1] ?? -1);
  return field('num-slaves') >= replicas && field('num-other-sentinels') >= otherSentinels;
}

async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((resume) => setTimeout(resume, 100));
  }
  throw new Error(`Redis topology: no ${what} within ${timeoutMs} ms`);
}

async function stopAll(children: ChildProcess[], dir: string): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            done();
            return;
          }
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
}

/** `count` ports, each free together with its companions (e.g. the cluster bus port). */
async function freePorts(count: number, companions: (port: number) => number[]): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const wanted = companions(port);
    if (wanted.some((candidate) => ports.includes(candidate))) {
      continue;
    }
    if ((await Promise.all(wanted.map(isFree))).every(Boolean)) {
      ports.push(port);
    }
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, LOOPBACK, () => server.close(() => done(true)));
  });
}
