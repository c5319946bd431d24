import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer, Socket } from 'node:net';

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
