/**
 * `npm run profile -- <miss|hit|passThrough|live>`: where the gateway's CPU goes on one path. Builds
 * first; starts the simulator and the gateway under `node --cpu-prof`, drives the path with
 * autocannon for PROFILE_SECONDS (10) at BENCH_CONNECTIONS (50), stops the gateway and prints the
 * profile's self and inclusive time by area (npm package, gateway folder, Node.js module) and the
 * hottest functions. The .cpuprofile stays in PROFILE_DIR (a temporary folder) for a flame graph
 * (Chrome DevTools, speedscope).
 */
import autocannon from 'autocannon';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CpuProfile,
  sharesMarkdown,
  summariseCpuProfile,
} from './load/cpu-profile-summary.util';
import { envNumber, startGateway, startSimulator } from './load/processes.util';

const SECONDS = envNumber('PROFILE_SECONDS', 10);
const CONNECTIONS = Math.max(1, Math.round(envNumber('BENCH_CONNECTIONS', 50)));
const API_KEY = 'bench-key-0123456789';
const REGION = 'us-west';
const PATHS = {
  // The gateway's own pipeline with no route work: what every request pays before its handler
  live: { path: '/health/live', headers: {} },
  miss: { path: `/v1/regions/${REGION}/tasks?limit=10`, headers: { 'cache-control': 'no-cache' } },
  hit: { path: `/v1/regions/${REGION}/tasks?limit=10`, headers: {} },
  passThrough: {
    path: `/v1/regions/${REGION}/proxy/data-services/v1beta1/async-operations?limit=10`,
    headers: { 'cache-control': 'no-cache' },
  },
} as const;

async function main(): Promise<void> {
  const which = (process.argv[2] ?? 'miss') as keyof typeof PATHS;
  const target = PATHS[which];
  if (!target) {
    throw new Error(`Unknown path "${which}": one of ${Object.keys(PATHS).join(', ')}`);
  }
  const dir = process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'gateway-profile-'));
  const simulator = await startSimulator({ rateLimitPerMinute: 1_000_000_000 });
  const gateway = await startGateway(
    {
      GREENLAKE_CLIENT_ID: 'simulator-client',
      GREENLAKE_CLIENT_SECRET: 'simulator-secret',
      GREENLAKE_TOKEN_URL: simulator.tokenUrl,
      GREENLAKE_REGIONS: `${REGION}=${simulator.regionUrls[REGION]}`,
      GATEWAY_API_KEYS: `bench:${API_KEY}:read+token`,
      GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
    },
    ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  );
  try {
    const result = await autocannon({
      url: `${gateway.url}${target.path}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { 'x-api-key': API_KEY, ...target.headers },
    });
    console.log(
      `${which}: ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
  } finally {
    await gateway.stop();
    await simulator.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) {
    throw new Error(`No .cpuprofile in ${dir}`);
  }
  const summary = summariseCpuProfile(
    JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile,
  );
  console.log(`\nProfile: ${join(dir, file)} (${summary.totalMs} ms of CPU, boot included)\n`);
  console.log(`${sharesMarkdown('self time by area', summary.selfByArea)}\n`);
  console.log(`${sharesMarkdown('inclusive time by area', summary.inclusiveByArea)}\n`);
  console.log(sharesMarkdown('hottest functions (self)', summary.topFunctions));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
