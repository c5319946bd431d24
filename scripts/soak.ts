/**
 * `npm run soak`: mixed load through the gateway for SOAK_SECONDS (default 300) while faults are
 * injected: simulator 5xx bursts (503 and 500), 429 with Retry-After, latency spikes past
 * UPSTREAM_TIMEOUT_MS, token revocation, and a private redis-server killed (SIGKILL) and started
 * again on the same port. Reports what callers saw by kind, token requests, and the gateway's RSS
 * and event-loop delay at the start and at the end. Exits 1 when any caller saw anything but a 2xx
 * or a mapped 429/502/503/504 (a 500, an unmapped status, no answer at all).
 *
 * Knobs: SOAK_SECONDS (300), SOAK_CONCURRENCY (8), SOAK_QUIET_SECONDS (10: no faults at the start
 * and at the end, the windows in which RSS and event-loop delay are read), SOAK_FAULT_GAP_SECONDS (4),
 * BENCH_OUTPUT_DIR (bench/results: soak-latest.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, memoryKb } from './load/proc-stats.util';
import {
  type GatewayChild,
  PrivateRedis,
  ROOT,
  SimulatorAdmin,
  TokenRequestCounter,
  envNumber,
  freePort,
  sleep,
  startGateway,
  startSimulator,
} from './load/processes.util';
import { type Outcome, OutcomeTally, isBad, kindOf, summarise } from './load/soak-tally.util';

const SECONDS = envNumber('SOAK_SECONDS', 300);
const CONCURRENCY = Math.max(1, Math.round(envNumber('SOAK_CONCURRENCY', 8)));
const QUIET_SECONDS = envNumber('SOAK_QUIET_SECONDS', 10);
const FAULT_GAP_MS = envNumber('SOAK_FAULT_GAP_SECONDS', 4) * 1000;
const OUTPUT_DIR = process.env.BENCH_OUTPUT_DIR ?? join(ROOT, 'bench', 'results');
const API_KEY = 'soak-key-0123456789';
const REGION = 'us-west';
const UPSTREAM_TIMEOUT_MS = 2000;
const CALL_TIMEOUT_MS = 30_000;

interface Probe {
  atMs: number;
  ms: number;
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const redis = new PrivateRedis(await freePort());
  await redis.start();
  const simulator = await startSimulator({
    rateLimitPerMinute: 1_000_000_000,
    operationStepMs: 100,
  });
  const gateway = await startGateway({
    GREENLAKE_CLIENT_ID: 'simulator-client',
    GREENLAKE_CLIENT_SECRET: 'simulator-secret',
    GREENLAKE_TOKEN_URL: simulator.tokenUrl,
    GREENLAKE_REGIONS: `${REGION}=${simulator.regionUrls[REGION]}`,
    GATEWAY_API_KEYS: `soak:${API_KEY}:read+write+token`,
    REDIS_URL: redis.url,
    // Counted in Redis on every call (so a Redis outage is felt), never refused
    GATEWAY_RATE_LIMIT_PER_MINUTE: '10000000',
    UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
    TASK_POLL_MIN_MS: '100',
    TASK_POLL_MAX_MS: '500',
  });
  const admin = new SimulatorAdmin(simulator.adminUrl);
  const tokens = new TokenRequestCounter(admin);
  tokens.start(1000);
  const tally = new OutcomeTally();
  const faults: { atS: number; fault: string }[] = [];
  const probes: Probe[] = [];
  const rss: { atS: number; mb: number }[] = [];
  const t0 = Date.now();
  const elapsedS = (): number => Math.round((Date.now() - t0) / 100) / 10;
  const endAt = t0 + SECONDS * 1000;
  let revocations = 0;
  let gatewayDied = false;
  gateway.process.once('exit', () => (gatewayDied = true));

  const load = new Load(gateway, tally);
  const workers = Array.from({ length: CONCURRENCY }, () => load.worker(endAt));
  const probing = probeLoop(gateway.url, endAt, t0, probes);
  const sampling = (async () => {
    while (Date.now() < endAt && !gatewayDied) {
      rss.push({ atS: elapsedS(), mb: memoryKb(gateway.pid, 'VmRSS') / 1024 });
      await sleep(5000);
    }
  })();
  const faulting = (async () => {
    const quietMs = QUIET_SECONDS * 1000;
    await sleep(quietMs);
    const steps: [string, () => Promise<void>][] = [
      // Outages by time, not by count: the region's breaker spaces its probes UPSTREAM_BREAKER_OPEN_MS
      // apart, so "the next 30 calls fail" would keep the circuit open for 25 probes (minutes)
      ['simulator: every data call 503 for 3 s', () => failFor(admin, 3000, 503)],
      ['simulator: every data call 500 for 1 s', () => failFor(admin, 1000, 500)],
      ['simulator: next 20 data calls 429, Retry-After 1', () => fail(admin, 20, 429, 1)],
      [
        `simulator: latency spike ${UPSTREAM_TIMEOUT_MS + 500} ms for 3 s`,
        async () => {
          await admin.latency(UPSTREAM_TIMEOUT_MS + 500);
          await sleep(3000);
          await admin.latency(0);
        },
      ],
      [
        'simulator: every token revoked',
        async () => {
          await admin.send('POST', '/tokens/revoke');
          revocations++;
        },
      ],
      [
        'redis: SIGKILL, back on the same port after 3 s',
        async () => {
          await redis.kill();
          await sleep(3000);
          await redis.start();
        },
      ],
    ];
    for (let step = 0; Date.now() + quietMs < endAt; step = (step + 1) % steps.length) {
      const [fault, inject] = steps[step];
      faults.push({ atS: elapsedS(), fault });
      console.log(`${elapsedS()} s: ${fault}`);
      await inject();
      await sleep(FAULT_GAP_MS);
    }
  })();

  await Promise.all([...workers, probing, sampling, faulting]);
  // Read before the gateway is stopped on purpose below
  const diedUnderLoad = gatewayDied;
  const endRssMb = diedUnderLoad ? 0 : memoryKb(gateway.pid, 'VmRSS') / 1024;
  const peakRssMb = diedUnderLoad ? 0 : memoryKb(gateway.pid, 'VmHWM') / 1024;
  const tokenRequests = await tokens.stop();
  await gateway.stop();
  await simulator.stop();
  await redis.stop();

  const windowS = QUIET_SECONDS;
  const loopDelay = (from: number, to: number) =>
    summarise(probes.filter((p) => p.atMs >= from && p.atMs < to).map((p) => p.ms));
  const report = {
    date: startedAt,
    machine: machine(),
    config: { seconds: SECONDS, concurrency: CONCURRENCY, quietSeconds: QUIET_SECONDS },
    calls: tally.snapshot(),
    byKind: tally.byKind(),
    badCalls: tally.badCount(),
    gatewayDied: diedUnderLoad,
    faults,
    tokenRequests,
    tokenRequestsExpected: `1 + ${revocations} revocations = ${1 + revocations}`,
    rssMb: {
      start: round(rss.find((sample) => sample.atS >= windowS)?.mb ?? rss[0]?.mb ?? 0),
      end: round(endRssMb),
      peak: round(peakRssMb),
      samples: rss.map((sample) => ({ atS: sample.atS, mb: round(sample.mb) })),
    },
    // Latency of GET /health/live (no I/O behind it) every 500 ms: above its idle cost of well under
    // a millisecond, it is the time the request waited for the gateway's event loop
    eventLoopDelayMs: {
      method: 'probe: GET /health/live latency every 500 ms (no /metrics yet)',
      start: loopDelay(2000, windowS * 1000),
      end: loopDelay((SECONDS - windowS) * 1000, SECONDS * 1000 + 60_000),
    },
    gatewayOutputTail: gateway.output().slice(-2000),
  };
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(join(OUTPUT_DIR, 'soak-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  printReport(report);
  if (report.badCalls > 0 || report.gatewayDied) {
    console.error(
      `\nSOAK FAILED: ${report.badCalls} calls outside 2xx and mapped 429/502/503/504${report.gatewayDied ? '; the gateway died' : ''}`,
    );
    process.exit(1);
  }
  console.log('\nSOAK PASSED: every caller-visible error was a mapped 429/502/503/504');
}

/** The mixed load: lists, items, pass-through, a write then /wait, the token broker. */
class Load {
  private readonly taskIds: string[] = [];
  private writes = 0;
  private readonly headers = { 'x-api-key': API_KEY };

  constructor(
    private readonly gateway: GatewayChild,
    private readonly tally: OutcomeTally,
  ) {}

  async worker(endAt: number): Promise<void> {
    while (Date.now() < endAt) {
      const pick = Math.random();
      if (pick < 0.3) {
        await this.list();
      } else if (pick < 0.5) {
        await this.item();
      } else if (pick < 0.7) {
        await this.call('pass-through GET', '/proxy/data-services/v1beta1/issues?limit=5');
      } else if (pick < 0.8) {
        await this.writeThenWait();
      } else {
        await this.call('token broker', '/v1/token', {}, true);
      }
    }
  }

  private async list(): Promise<void> {
    const { body } = await this.call('list tasks', '/tasks?limit=10');
    const items = (body as { items?: { id?: string }[] } | undefined)?.items ?? [];
    for (const item of items) {
      if (item.id && this.taskIds.length < 50 && !this.taskIds.includes(item.id)) {
        this.taskIds.push(item.id);
      }
    }
  }

  private async item(): Promise<void> {
    const id = this.taskIds[Math.floor(Math.random() * this.taskIds.length)];
    if (id === undefined) {
      return this.list();
    }
    await this.call('get task', `/tasks/${id}`);
  }

  private async writeThenWait(): Promise<void> {
    const { outcome, body } = await this.call(
      'pass-through POST (202)',
      '/proxy/virtualization/v1beta1/virtual-machines',
      {
        method: 'POST',
        headers: { ...this.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `soak-vm-${++this.writes}` }),
      },
    );
    const taskId = (body as { taskId?: string } | undefined)?.taskId;
    if (outcome.status === 202 && taskId) {
      await this.call('task /wait', `/tasks/${taskId}/wait?timeoutSeconds=5`);
    }
  }

  /** One call; `path` is under /v1/regions/<region> unless `absolute`. */
  private async call(
    operation: string,
    path: string,
    init: RequestInit = {},
    absolute = false,
  ): Promise<{ outcome: Outcome; body?: unknown }> {
    const url = `${this.gateway.url}${absolute ? '' : `/v1/regions/${REGION}`}${path}`;
    let outcome: Outcome;
    let body: unknown;
    try {
      const response = await fetch(url, {
        headers: this.headers,
        ...init,
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      const text = await response.text();
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = undefined;
      }
      const code = (body as { code?: unknown } | undefined)?.code;
      outcome = { status: response.status, code: typeof code === 'string' ? code : undefined };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      outcome = { status: 0, failure: cause ?? (error as Error).name };
    }
    const kind = kindOf(outcome);
    this.tally.add(operation, kind);
    if (isBad(kind)) {
      console.error(`${new Date().toISOString()} ${operation} ${path}: ${kind}`);
    }
    return { outcome, body };
  }
}

async function probeLoop(url: string, endAt: number, t0: number, probes: Probe[]): Promise<void> {
  while (Date.now() < endAt) {
    const started = performance.now();
    const ok = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(10_000) }).then(
      async (response) => (await response.arrayBuffer(), response.ok),
      () => false,
    );
    if (ok) {
      probes.push({ atMs: Date.now() - t0, ms: performance.now() - started });
    }
    await sleep(500);
  }
}

async function failFor(admin: SimulatorAdmin, ms: number, status: number): Promise<void> {
  await fail(admin, 1_000_000, status);
  await sleep(ms);
  await admin.send('POST', '/fail/clear');
}

function fail(
  admin: SimulatorAdmin,
  count: number,
  status: number,
  retryAfterSeconds?: number,
): Promise<void> {
  return admin.send('POST', '/fail', {
    count,
    status,
    target: 'data',
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

function round(mb: number): number {
  return Math.round(mb * 10) / 10;
}

function printReport(report: {
  calls: Record<string, Record<string, number>>;
  byKind: Record<string, number>;
  tokenRequests: number;
  tokenRequestsExpected: string;
  rssMb: { start: number; end: number; peak: number };
  eventLoopDelayMs: {
    start: { p50: number; max: number; samples: number };
    end: { p50: number; max: number; samples: number };
  };
}): void {
  console.log('\nCalls by operation and kind:');
  for (const [operation, kinds] of Object.entries(report.calls)) {
    console.log(`  ${operation}: ${JSON.stringify(kinds)}`);
  }
  console.log(`Calls by kind: ${JSON.stringify(report.byKind)}`);
  console.log(`Token requests: ${report.tokenRequests} (expected ${report.tokenRequestsExpected})`);
  console.log(
    `Gateway RSS: ${report.rssMb.start} MB at start, ${report.rssMb.end} MB at end, peak ${report.rssMb.peak} MB`,
  );
  const { start, end } = report.eventLoopDelayMs;
  console.log(
    `Event-loop delay (GET /health/live probe): start p50 ${start.p50} ms, max ${start.max} ms; end p50 ${end.p50} ms, max ${end.max} ms`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
