import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface SpawnedGateway {
  child: ChildProcessWithoutNullStreams;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  stdout(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs the real entry point (src/main.ts through ts-node) with only the given environment, in an
 * empty working directory (no .env), and resolves once its banner names the port it listens on.
 */
/** The real entry point (src/main.ts through ts-node) with only `env`, in `cwd`. */
export function spawnMain(
  env: Record<string, string>,
  cwd = mkdtempSync(join(tmpdir(), 'gw-spawn-')),
): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    [
      '-r',
      require.resolve('ts-node/register/transpile-only'),
      '-r',
      require.resolve('tsconfig-paths/register'),
      join(ROOT, 'src/main.ts'),
    ],
    {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        PORT: '0',
        ...env,
      },
    },
  );
}

export function spawnGateway(
  env: Record<string, string>,
  bootTimeoutMs = 90_000,
): Promise<SpawnedGateway> {
  const child = spawnMain({ LOG_FORMAT: 'json', ...env });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(
        new Error(`the gateway did not start within ${bootTimeoutMs} ms:\n${stdout}\n${stderr}`),
      );
    }, bootTimeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/[^\s:]+:\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        ready({ child, url: match[1], stdout: () => stdout, exited });
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`the gateway exited (${code}) before listening:\n${stdout}\n${stderr}`));
    });
  });
}
