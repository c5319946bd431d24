/**
 * `npm run bench`: the cost of going through the gateway, as ratios against calling the simulator
 * directly in the same run (never absolute timings in tests). Builds first; starts a standalone
 * simulator and a gateway (real mode, pointed at it) as child processes, then drives both over
 * keep-alive HTTP from this process.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const SIM_PORT = Number(process.env.BENCH_SIM_PORT ?? 4610);
const GATEWAY_PORT = Number(process.env.BENCH_GATEWAY_PORT ?? 4600);
const BARE_PROXY_PORT = GATEWAY_PORT + 1;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const API_KEY = 'bench-key-0123456789';
const US_WEST = `http://127.0.0.1:${SIM_PORT + 2}`;

interface Result {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end();
  });
}

async function run(
  label: string,
  url: string,
  headers: Record<string, string>,
  { concurrency = CONCURRENCY, requests = REQUESTS } = {},
): Promise<Result> {
  for (let i = 0; i < 200; i++) {
    await get(url, headers); // warm-up: JIT, pools, token
  }
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const t0 = process.hrtime.bigint();
        const status = await get(url, headers).catch(() => 0);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status !== 200) {
          errors++;
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pick = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { label, rps: requests / seconds, p50: pick(0.5), p99: pick(0.99), errors };
}

/** Starts a built entry point; resolves when its output matches `ready` (at once without one). */
function start(script: string, env: Record<string, string>, ready?: RegExp): Promise<ChildProcess> {
  return startScript(join(ROOT, 'dist', script), env, ready);
}

function startScript(
  path: string,
  env: Record<string, string>,
  ready?: RegExp,
): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [path], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    if (!ready) {
      done(child);
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready?.test(output)) {
        done(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`${path} exited (${code}):\n${output}`)));
  });
}

async function token(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${SIM_PORT}/as/token.oauth2`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=simulator-client&client_secret=simulator-secret',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function main(): Promise<void> {
  const simulator = await start(
    'simulator/main.js',
    { SIMULATOR_PORT: String(SIM_PORT), SIMULATOR_RATE_LIMIT_PER_MINUTE: '100000000' },
    /us-west/,
  );
  const gateway = await start('main.js', {
    PORT: String(GATEWAY_PORT),
    LOG_LEVEL: 'warn',
    GREENLAKE_CLIENT_ID: 'simulator-client',
    GREENLAKE_CLIENT_SECRET: 'simulator-secret',
    GREENLAKE_TOKEN_URL: `http://127.0.0.1:${SIM_PORT}/as/token.oauth2`,
    GREENLAKE_REGIONS: `us-west=${US_WEST}`,
    GATEWAY_API_KEYS: `bench:${API_KEY}:read`,
    // The bench measures the gateway's overhead, not its per-caller rate limit
    GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
  });
  await waitFor(`http://127.0.0.1:${GATEWAY_PORT}/health/live`);
  const bearer = { authorization: `Bearer ${await token()}` };
  const bareProxy = await startScript(
    join(ROOT, 'scripts', 'bare-proxy.js'),
    {
      BARE_PROXY_PORT: String(BARE_PROXY_PORT),
      BARE_PROXY_TARGET: US_WEST,
      BARE_PROXY_AUTHORIZATION: bearer.authorization,
    },
    /ready/,
  );
  try {
    const key = { 'x-api-key': API_KEY };
    // The gateway's own cost per call: every call reaches the simulator (the cache is bypassed)
    const upstreamEveryTime = { ...key, 'cache-control': 'no-cache' };
    const path = '/data-services/v1beta1/async-operations?limit=10';
    const results = [
      await run('direct: simulator GET async-operations?limit=10', `${US_WEST}${path}`, bearer),
      await run(
        'floor: bare Node.js proxy, same path',
        `http://127.0.0.1:${BARE_PROXY_PORT}${path}`,
        {},
      ),
      await run(
        'gateway: GET /v1/regions/us-west/tasks?limit=10',
        `http://127.0.0.1:${GATEWAY_PORT}/v1/regions/us-west/tasks?limit=10`,
        upstreamEveryTime,
      ),
      await run(
        'gateway: pass-through proxy, same path',
        `http://127.0.0.1:${GATEWAY_PORT}/v1/regions/us-west/proxy${path}`,
        upstreamEveryTime,
      ),
      await run(
        'gateway: GET /health/live (no upstream)',
        `http://127.0.0.1:${GATEWAY_PORT}/health/live`,
        {},
      ),
    ];
    report(results);
    report(
      await cacheHits(key),
      `Response cache, upstream 50 ms away: concurrency ${CONCURRENCY} unless said`,
    );
  } finally {
    gateway.kill();
    bareProxy.kill();
    simulator.kill();
    agent.destroy();
  }
}

/**
 * The response cache against a GreenLake 50 ms away (the simulator's latency control): calling it
 * directly, through the gateway's cache (HITs: software-releases are kept an hour), and the cost
 * a HIT adds, alone on the line (concurrency 1).
 */
async function cacheHits(key: Record<string, string>): Promise<Result[]> {
  const releases = '/data-services/v1beta1/software-releases';
  const response = await fetch(`http://127.0.0.1:${SIM_PORT + 1}/latency`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms: 50, pathPrefix: releases }),
  });
  if (!response.ok) {
    throw new Error(`the simulator refused the latency control (${response.status})`);
  }
  const bearer = { authorization: `Bearer ${await token()}` };
  const simplified = `http://127.0.0.1:${GATEWAY_PORT}/v1/regions/us-west/software-releases?limit=10`;
  const few = { requests: Math.max(200, Math.floor(REQUESTS / 10)) };
  return [
    await run(
      'direct, 50 ms upstream: software-releases?limit=10',
      `${US_WEST}${releases}?limit=10&sort=id%20asc`,
      bearer,
      few,
    ),
    await run('gateway cache HIT: /software-releases?limit=10', simplified, key),
    await run(
      'gateway cache HIT: pass-through, same upstream query',
      `http://127.0.0.1:${GATEWAY_PORT}/v1/regions/us-west/proxy${releases}?limit=10&sort=id%20asc`,
      key,
    ),
    await run('direct, 50 ms upstream, concurrency 1', `${US_WEST}${releases}?limit=10`, bearer, {
      concurrency: 1,
      requests: 40,
    }),
    await run('gateway cache HIT, concurrency 1', simplified, key, {
      concurrency: 1,
      requests: 1000,
    }),
  ];
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await get(url, {}).then(
        (status) => status === 200,
        () => false,
      )
    ) {
      return;
    }
    await new Promise((resume) => setTimeout(resume, 100));
  }
  throw new Error(`${url} never answered`);
}

function report(
  results: Result[],
  title = `${REQUESTS} requests per case, concurrency ${CONCURRENCY}`,
): void {
  const [direct] = results;
  console.log(`\n${title}, Node ${process.version}\n`);
  console.log(
    'case'.padEnd(52),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'errors'.padStart(7),
    '  p50 vs direct',
  );
  for (const result of results) {
    console.log(
      result.label.padEnd(52),
      result.rps.toFixed(0).padStart(8),
      result.p50.toFixed(2).padStart(8),
      result.p99.toFixed(2).padStart(8),
      String(result.errors).padStart(7),
      `  ×${(result.p50 / direct.p50).toFixed(2)} latency, ×${(direct.rps / result.rps).toFixed(2)} time per request`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
