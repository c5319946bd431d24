import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The processes the load scripts run: the simulator, the gateway (real mode, pointed at the
 * simulator), the bare proxy and a private redis-server, each a child of the script so that its
 * CPU and memory can be read from /proc and it can be killed on purpose.
 */

export const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const started = new Set<ChildProcess>();
// Terminal colour codes (Nest's logger), dropped from the output kept for reports
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

// Never leave a child behind, whatever ends the script
process.on('exit', () => started.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

export function freePort(): Promise<number> {
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

export interface Child {
  process: ChildProcess;
  pid: number;
  /** The last few kB of its output, for error messages. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns `command`; resolves once its output matches `ready` (at once without one). */
export function startChild(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready?: RegExp,
  timeoutMs = 30_000,
): Promise<Child & { readyMatch?: RegExpExecArray }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.add(child);
    let tail = '';
    let settled = false;
    const handle: Child = {
      process: child,
      pid: child.pid ?? 0,
      output: () => tail,
      stop: (signal = 'SIGTERM') => stopChild(child, signal),
    };
    const timer = setTimeout(() => {
      settle(() => fail(new Error(`${command} ${args.join(' ')} not ready in time:\n${tail}`)));
      child.kill('SIGKILL');
    }, timeoutMs);
    const settle = (then: () => void): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        then();
      }
    };
    const onData = (chunk: Buffer): void => {
      // Drained always (a full pipe would block the child), kept only as a bounded tail
      tail = (tail + chunk.toString().replace(COLOUR, '')).slice(-8_000);
      const match = ready?.exec(tail);
      if (match) {
        settle(() => done({ ...handle, readyMatch: match }));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => settle(() => fail(error)));
    child.once('exit', (code, signal) => {
      started.delete(child);
      settle(() => fail(new Error(`${command} exited (${code ?? signal}) before ready:\n${tail}`)));
    });
    if (!ready) {
      settle(() => done(handle));
    }
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill(signal);
  });
}

export interface SimulatorChild extends Child {
  tokenUrl: string;
  adminUrl: string;
  regionUrls: Record<string, string>;
}

/**
 * The built simulator on ephemeral ports, quiet (the standalone main.js logs every request, which
 * would cost the simulator CPU that the bench wants to measure elsewhere).
 */
export async function startSimulator(options: Record<string, unknown>): Promise<SimulatorChild> {
  const program = `
    const { startSimulator } = require(${JSON.stringify(join(DIST, 'simulator', 'index.js'))});
    startSimulator(${JSON.stringify({ ...options, quiet: true })}).then((sim) => {
      console.log('SIMULATOR ' + JSON.stringify({ tokenUrl: sim.tokenUrl, adminUrl: sim.adminUrl, regionUrls: sim.regionUrls }));
      process.on('SIGTERM', () => sim.stop().then(() => process.exit(0)));
    }, (error) => { console.error(error); process.exit(1); });`;
  const child = await startChild(process.execPath, ['-e', program], {}, /SIMULATOR (\{.*\})\n/);
  const urls = JSON.parse(child.readyMatch?.[1] ?? '{}') as Omit<SimulatorChild, keyof Child>;
  return { ...child, ...urls };
}

export interface GatewayChild extends Child {
  url: string;
}

/**
 * dist/main.js with `env` (plus PORT and a quiet log level) and `nodeArgs` (e.g. `--cpu-prof`);
 * resolves once /health/live answers.
 */
export async function startGateway(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<GatewayChild> {
  const port = await freePort();
  const child = await startChild(process.execPath, [...nodeArgs, join(DIST, 'main.js')], {
    LOG_LEVEL: 'warn',
    // Loopback only, once the gateway reads HOST (issue 12); ignored before that
    HOST: '127.0.0.1',
    ...env,
    PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) {
      throw new Error(`The gateway exited (${child.process.exitCode}):\n${child.output()}`);
    }
    const live = await fetch(`${url}/health/live`).then(
      (response) => response.ok,
      () => false,
    );
    if (live) {
      return { ...child, url };
    }
    await sleep(100);
  }
  await child.stop('SIGKILL');
  throw new Error(`The gateway never answered /health/live:\n${child.output()}`);
}

/** scripts/bare-proxy.js in front of `target`, sending `authorization` on every call. */
export async function startBareProxy(target: string, authorization: string): Promise<GatewayChild> {
  const port = await freePort();
  const child = await startChild(
    process.execPath,
    [join(ROOT, 'scripts', 'bare-proxy.js')],
    {
      BARE_PROXY_PORT: String(port),
      BARE_PROXY_TARGET: target,
      BARE_PROXY_AUTHORIZATION: authorization,
    },
    /ready/,
  );
  return { ...child, url: `http://127.0.0.1:${port}` };
}

/** scripts/bare-answer.js answering the bytes of `bodyFile` to every request. */
export async function startBareAnswer(bodyFile: string): Promise<GatewayChild> {
  const port = await freePort();
  const child = await startChild(
    process.execPath,
    [join(ROOT, 'scripts', 'bare-answer.js')],
    { BARE_ANSWER_PORT: String(port), BARE_ANSWER_FILE: bodyFile },
    /ready/,
  );
  return { ...child, url: `http://127.0.0.1:${port}` };
}

/** A private redis-server (nothing persisted) on a fixed port, so that it can come back on it. */
export class PrivateRedis {
  private child?: Child;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = await startChild(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
      /Ready to accept connections/,
    );
  }

  /** SIGKILL: what a crash looks like to the gateway. */
  async kill(): Promise<void> {
    await this.child?.stop('SIGKILL');
    this.child = undefined;
  }

  async stop(): Promise<void> {
    await this.child?.stop();
    this.child = undefined;
  }
}

/** The simulator's admin HTTP API (src/simulator/README.md). */
export class SimulatorAdmin {
  constructor(private readonly adminUrl: string) {}

  async send(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
    const response = await fetch(`${this.adminUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(
        `simulator admin ${method} ${path}: ${response.status} ${await response.text()}`,
      );
    }
  }

  /** Every data call waits `ms` (0 clears the rule). */
  latency(ms: number): Promise<void> {
    return this.send('POST', '/latency', { ms, target: 'data' });
  }

  async dataRequests(): Promise<{ path: string; query: Record<string, string | string[]> }[]> {
    const response = await fetch(`${this.adminUrl}/requests?target=data`);
    return (await response.json()) as { path: string; query: Record<string, string | string[]> }[];
  }

  async tokenRequests(): Promise<{ at: string; clientId?: string; status: number }[]> {
    const response = await fetch(`${this.adminUrl}/requests?target=token`);
    return (await response.json()) as { at: string; clientId?: string; status: number }[];
  }
}

/**
 * Counts token requests from the simulator's request log. The log keeps only its last 20,000-25,000
 * entries, which a CPU-bound run overtakes in seconds, so it is read every 250 ms and entries are
 * told apart by arrival time, client and status.
 */
export class TokenRequestCounter {
  private readonly seen = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly admin: SimulatorAdmin) {}

  start(everyMs = 250): void {
    this.timer = setInterval(() => void this.poll().catch(() => undefined), everyMs);
  }

  async stop(): Promise<number> {
    clearInterval(this.timer);
    await this.poll();
    return this.seen.size;
  }

  get count(): number {
    return this.seen.size;
  }

  async poll(): Promise<void> {
    for (const entry of await this.admin.tokenRequests()) {
      this.seen.add(`${entry.at}|${entry.clientId ?? ''}|${entry.status}`);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resume) => setTimeout(resume, ms));
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number of at least 0, not '${raw}'`);
  }
  return value;
}
