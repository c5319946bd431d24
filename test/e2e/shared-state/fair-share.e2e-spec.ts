import { Agent, request as httpRequest } from 'node:http';
import { startSimulator, type RunningSimulator } from 'src/simulator';
import { SharedTestRedis, startSharedRedis } from 'test/utils/redis-server';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const KEYS = 'batch:batch-key-0001:read,ui:ui-key-00001:read';
const RUN_MS = 6_000;
const sleep = (ms: number) => new Promise((resume) => setTimeout(resume, ms));

interface Answer {
  status: number;
  code?: string;
  ms: number;
}

function get(url: string, key: string, agent: Agent): Promise<Answer> {
  const started = Date.now();
  return new Promise((done) => {
    const req = httpRequest(url, { agent, headers: { 'X-API-Key': key } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        let code: string | undefined;
        try {
          code = (JSON.parse(Buffer.concat(chunks).toString()) as { code?: string }).code;
        } catch {
          code = undefined;
        }
        done({ status: res.statusCode ?? 0, code, ms: Date.now() - started });
      });
    });
    req.on('error', () => done({ status: 0, ms: Date.now() - started }));
    req.end();
  });
}

/**
 * Budget 20 per 2 s; "batch" floods from 6 loops on one replica, "ui" calls every 250 ms on
 * another replica; both share one Redis. Returns what each saw.
 */
async function compete(flooded: TestGateway, interactive: TestGateway) {
  flooded.simulator.controls.reset();
  flooded.simulator.controls.setBudget({ limit: 20, windowMs: 2_000 });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const until = Date.now() + RUN_MS;
  const batch: Answer[] = [];
  let n = 0;
  const flood = async () => {
    while (Date.now() < until) {
      const answer = await get(
        `${flooded.url}/v1/regions/us-west/tags?offset=${n++}`,
        'batch-key-0001',
        agent,
      );
      batch.push(answer);
      if (answer.status !== 200) {
        // a flood, but not a busy loop that would starve the shared test machine
        await sleep(10);
      }
    }
  };
  const ui: Promise<Answer>[] = [];
  const interact = async () => {
    for (let i = 0; Date.now() < until; i++) {
      ui.push(get(`${interactive.url}/v1/regions/us-west/tags?offset=${i}`, 'ui-key-00001', agent));
      await sleep(250);
    }
  };
  await Promise.all([...Array.from({ length: 6 }, flood), interact()]);
  const uiAnswers = await Promise.all(ui);
  agent.destroy();
  const served = uiAnswers.filter((answer) => answer.status === 200 && answer.ms <= 3_000);
  return {
    uiServedRatio: served.length / uiAnswers.length,
    uiCalls: uiAnswers.length,
    uiMissed: uiAnswers
      .map((a, i) => [i, a.status, a.code, a.ms])
      .filter((a) => a[1] !== 200 || (a[3] as number) > 3000),
    batchServed: batch.filter((answer) => answer.status === 200).length,
    batchShareRefusals: batch.filter((answer) => answer.code === 'UPSTREAM_SHARE_EXCEEDED').length,
    upstream429: flooded.simulator.controls
      .requests({ target: 'data' })
      .filter((call) => call.status === 429).length,
  };
}

describe.each([
  ['on', true],
  ['off', false],
] as const)('Fair share of a scarce budget (GATEWAY_UPSTREAM_FAIR_SHARE=%s)', (setting, fair) => {
  let redis: SharedTestRedis;
  let simulator: RunningSimulator;
  let replicaA: TestGateway;
  let replicaB: TestGateway;

  beforeAll(async () => {
    redis = await startSharedRedis();
    simulator = await startSimulator();
    const env = {
      GATEWAY_API_KEYS: KEYS,
      GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
      GATEWAY_UPSTREAM_FAIR_SHARE: setting,
      // Shares split what reaches GreenLake: the interactive caller's repeated GET must not be a HIT
      GATEWAY_CACHE: 'off',
      ...redis.env,
    };
    replicaA = await startTestGateway({ env, sharedSimulator: simulator });
    replicaB = await startTestGateway({ env, sharedSimulator: simulator });
  });
  afterAll(async () => {
    await replicaA.close();
    await replicaB.close();
    await simulator.stop();
    await redis.stop();
  });

  it(`budget 20 per 2 s: a flooding caller and one calling every 250 ms (fair share ${setting})`, async () => {
    const result = await compete(replicaA, replicaB);
    // The closing note quotes these numbers
    console.log(`fair share ${setting}: ${JSON.stringify(result)}`);
    expect(result.uiCalls).toBeGreaterThanOrEqual(20);
    expect(result.upstream429).toBeLessThanOrEqual(6);
    if (fair) {
      expect(result.uiServedRatio).toBeGreaterThanOrEqual(0.9);
      expect(result.batchShareRefusals).toBeGreaterThan(0);
      expect(result.batchServed).toBeGreaterThan(0);
    } else {
      expect(result.batchShareRefusals).toBe(0);
    }
  }, 30_000);
});
