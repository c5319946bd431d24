import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnMain } from 'test/utils/spawned-gateway';

// An empty working directory, so that a developer's .env cannot change the outcome
const EMPTY_DIR = mkdtempSync(join(tmpdir(), 'gw-boot-'));
// Outside EMPTY_DIR, so that the working directory stays empty
const BAD_DEFAULTS_FILE = join(mkdtempSync(join(tmpdir(), 'gw-boot-defaults-')), 'defaults.yaml');
writeFileSync(BAD_DEFAULTS_FILE, 'resources:\n  tasks:\n    select: [id, nmae]\n');

interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs the real entry point (src/main.ts) with only the given environment. */
function boot(env: Record<string, string>): Promise<Exit> {
  return new Promise((done, fail) => {
    const child = spawnMain(env, EMPTY_DIR);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr, stdout });
    });
  });
}

const REAL = {
  GREENLAKE_CLIENT_ID: 'boot-test-id',
  GREENLAKE_CLIENT_SECRET: 'boot-test-secret-value',
};

describe('Bad configuration stops the process with exit code 1 and one line per problem', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'a region that is not name=url',
      { GREENLAKE_REGIONS: 'us-west:https://x.example' },
      /^ {2}GREENLAKE_REGIONS: "us-west:https:\/\/x.example" has no "="; expected name=http\(s\)-url/m,
    ],
    [
      'a non-numeric timeout',
      { UPSTREAM_TIMEOUT_MS: 'soon' },
      /^ {2}UPSTREAM_TIMEOUT_MS: expected a whole number from 100 to 600000, got "soon"$/m,
    ],
    [
      'an API key without a scope',
      { GATEWAY_API_KEYS: 'team-a:key-aaaa-1111' },
      /^ {2}GATEWAY_API_KEYS: entry 1 \("team-a"\) has no scope/m,
    ],
    [
      'real mode without keys or GATEWAY_AUTH=off',
      { ...REAL },
      /^ {2}GATEWAY_API_KEYS: real mode needs caller keys .*GATEWAY_AUTH=off/m,
    ],
    [
      'a default select naming a property GreenLake cannot select',
      { GATEWAY_DEFAULTS_FILE: BAD_DEFAULTS_FILE },
      /^ {2}GATEWAY_DEFAULTS_FILE: resources\.tasks: select: unknown property 'nmae' \(did you mean 'name'\?\); selectable: id, type, generation, .*, suggestedPollingIntervalSeconds$/m,
    ],
  ];
  let results: Exit[];

  beforeAll(async () => {
    results = await Promise.all([
      ...cases.map(([, env]) => boot(env)),
      boot({
        ...REAL,
        PORT: 'eighty',
        GREENLAKE_REGIONS: 'nope',
        GATEWAY_API_KEYS: 'x:key-with-secret-123',
      }),
    ]);
  }, 120_000);

  it.each(cases.map(([label, , expected], index) => [label, index, expected] as const))(
    '%s',
    (_label, index, expected) => {
      const result = results[index];
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Invalid configuration \(1 problem\):$/m);
      expect(result.stderr).toMatch(expected);
      expect(result.stdout).not.toContain('listening');
    },
  );

  it('lists several problems at once, one line each, without echoing secrets', () => {
    const result = results[cases.length];
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration (3 problems):');
    expect(lines.slice(1).map((line) => line.trim().split(':')[0])).toEqual([
      'PORT',
      'GREENLAKE_REGIONS',
      'GATEWAY_API_KEYS',
    ]);
    expect(result.stderr).not.toMatch(/key-with-secret-123|boot-test-secret-value/);
  });
});
