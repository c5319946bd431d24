import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import { createServer, Socket } from 'node:net';
import { startTestCluster, startTestSentinel } from './redis-topologies';

export interface TestRedis {
  /** e.g. redis://127.0.0.1:41234 */
  url: string;
  /** True when this helper started the server (and will stop it). */
  own: boolean;
  /** The private server's process id (to freeze it with SIGSTOP); undefined for REDIS_URL. */
  pid?: number;
  stop(): Promise<void>;
}

/**
 * A real Redis for tests of shared state: a private `redis-server` on a free port when the binary is
 * there (nothing persisted), else the one named by REDIS_URL. Fails with a clear message otherwise.
 */
export async function startTestRedis(): Promise<TestRedis> {
  if (hasRedisServerBinary()) {
    return startPrivateRedis();
  }
  const url = process.env.REDIS_URL;
  if (url) {
    return { url, own: false, stop: () => Promise.resolve() };
  }
  throw new Error(
    'These tests need Redis: install redis-server (apt-get install redis-server) or set REDIS_URL',
  );
}

function hasRedisServerBinary(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function startPrivateRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  await waitForPing(port, child);
  return {
    url: `redis://127.0.0.1:${port}`,
    own: true,
    pid: child.pid,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) {
          done();
          return;
        }
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `redis-server exited with code ${child.exitCode} before answering on port ${port}`,
      );
    }
    if (await pings(port)) {
      return;
    }
    await new Promise((resume) => setTimeout(resume, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING on port ${port} within 10 s`);
}

function pings(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      done(data.toString().startsWith('+PONG'));
    });
  });
}

/** The Redis a shared-state suite runs against, and what a gateway needs to use it. */
export interface SharedTestRedis {
  kind: 'single' | 'cluster' | 'sentinel';
  /** REDIS_URL, or REDIS_CLUSTER_NODES, or REDIS_SENTINELS + REDIS_SENTINEL_NAME. */
  env: Record<string, string>;
  /** A client of it for the test's own reads (a Cluster client is typed as Redis, as in the gateway). */
  client(): Redis;
  stop(): Promise<void>;
}

/**
 * For suites whose point is state shared by replicas: one private redis-server by default, or,
 * with GW_TEST_REDIS=cluster or sentinel (as .ci/run sets it), a real Cluster or Sentinel group.
 */
export async function startSharedRedis(): Promise<SharedTestRedis> {
  const wanted = process.env.GW_TEST_REDIS ?? 'single';
  if (wanted === 'cluster' || wanted === 'sentinel') {
    const topology = wanted === 'cluster' ? await startTestCluster() : await startTestSentinel();
    return {
      kind: topology.kind,
      env: topology.env,
      client: () => topology.client() as Redis,
      stop: () => topology.stop(),
    };
  }
  const redis = await startTestRedis();
  return {
    kind: 'single',
    env: { REDIS_URL: redis.url },
    client: () => new Redis(redis.url),
    stop: () => redis.stop(),
  };
}
