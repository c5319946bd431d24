import { checkGoals } from './bench-goals.util';
import type {
  BenchResults,
  PacedResult,
  ScenarioId,
  ScenarioResult,
  SettingId,
} from './bench-results.type';

function scenario(id: ScenarioId, fields: Partial<ScenarioResult>): ScenarioResult {
  return {
    id,
    label: id,
    path: '/',
    requests: 1000,
    reqPerSec: 1000,
    p50Ms: 51,
    p99Ms: 60,
    errors: 0,
    non2xx: 0,
    cpuUsPerRequest: id === 'direct' ? null : 100,
    simulatorCpuUsPerRequest: 50,
    peakRssMb: 100,
    xCache: null,
    rpsVsDirect: 1,
    cpuVsBare: null,
    ...fields,
  };
}

function run(
  realistic: Partial<Record<ScenarioId, Partial<ScenarioResult>>>,
  cpuBound: Partial<Record<ScenarioId, Partial<ScenarioResult>>>,
  overall: Partial<BenchResults> = {},
): Omit<BenchResults, 'goals'> {
  const ids: ScenarioId[] = ['direct', 'bare', 'miss', 'hit', 'passThrough'];
  const setting = (
    id: SettingId,
    fields: Partial<Record<ScenarioId, Partial<ScenarioResult>>>,
  ) => ({
    id,
    label: id,
    upstreamLatencyMs: id === 'realistic' ? 50 : 0,
    scenarios: ids.map((one) => scenario(one, fields[one] ?? {})),
  });
  return {
    date: '2026-12-01T20:00:00.000Z',
    machine: { cores: 2, model: 'test', node: 'v20', loadAverage: 1 },
    config: { seconds: 5, warmupSeconds: 1, rounds: 2, connections: 50 },
    notes: [],
    settings: [setting('realistic', realistic), setting('cpuBound', cpuBound)],
    tokenRequests: 1,
    gatewayPeakRssMb: 120,
    ...overall,
  };
}

const verdicts = (results: Omit<BenchResults, 'goals'>): Record<string, string> =>
  Object.fromEntries(checkGoals(results).map((goal) => [goal.goal, goal.verdict]));

describe('checkGoals', () => {
  it('passes every goal of issue 14 at its bound, with a real cache hit', () => {
    const results = run(
      {
        direct: { reqPerSec: 1000, p50Ms: 51, p99Ms: 60 },
        miss: { reqPerSec: 950, p50Ms: 53, p99Ms: 70 },
        hit: { reqPerSec: 5000, p99Ms: 4, xCache: 'HIT' },
      },
      {
        bare: { cpuUsPerRequest: 100 },
        miss: { cpuUsPerRequest: 300 },
        passThrough: { cpuUsPerRequest: 300 },
        hit: { cpuUsPerRequest: 150, xCache: 'HIT' },
      },
    );
    const goals = checkGoals(results);
    expect(goals).toHaveLength(10);
    expect(goals.filter((goal) => goal.verdict === 'MISS')).toEqual([]);
    expect(goals.some((goal) => goal.note)).toBe(false);
  });

  it('misses each goal just past its bound', () => {
    const results = run(
      {
        direct: { reqPerSec: 1000, p50Ms: 51, p99Ms: 60 },
        miss: { reqPerSec: 949, p50Ms: 53.1, p99Ms: 70.1 },
        hit: { reqPerSec: 4999, p99Ms: 5, xCache: 'HIT' },
      },
      {
        bare: { cpuUsPerRequest: 100 },
        miss: { cpuUsPerRequest: 301 },
        passThrough: { cpuUsPerRequest: 301 },
        hit: { cpuUsPerRequest: 151, xCache: 'HIT' },
      },
      { gatewayPeakRssMb: 150, tokenRequests: 2 },
    );
    expect(Object.values(verdicts(results))).toEqual(Array(10).fill('MISS'));
  });

  it('judges the hit p99 at the fixed rate when the run has one', () => {
    const paced = (fields: Partial<PacedResult>): Partial<BenchResults> => ({
      pacedHit: {
        id: 'hit',
        offeredReqPerSec: 5000,
        connections: 10,
        reqPerSec: 5000,
        p50Ms: 1,
        p99Ms: 4,
        errors: 0,
        non2xx: 0,
        xCache: 'HIT',
        ...fields,
      },
    });
    const goal = '50 ms upstream: hit p99 < 5 ms at 5× direct req/s, offered at a fixed rate';
    // The closed-loop p99 (queueing at 50 connections) no longer decides
    const realistic = { hit: { reqPerSec: 5000, p99Ms: 12, xCache: 'HIT' } };
    expect(verdicts(run(realistic, {}, paced({})))[goal]).toBe('PASS');
    expect(verdicts(run(realistic, {}, paced({ p99Ms: 5 })))[goal]).toBe('MISS');
    const missed = checkGoals(run(realistic, {}, paced({ xCache: 'MISS' })));
    expect(missed.find((one) => one.goal === goal)?.note).toContain('X-Cache: MISS');
  });

  it('says so when the "hit" scenario met no cache', () => {
    const goals = checkGoals(run({}, {}));
    const hitGoals = goals.filter((goal) => goal.goal.includes('hit'));
    expect(hitGoals).toHaveLength(3);
    for (const goal of hitGoals) {
      expect(goal.note).toContain('X-Cache: absent');
    }
  });

  it('counts zero token requests as a miss too', () => {
    expect(verdicts(run({}, {}, { tokenRequests: 0 }))).toMatchObject({
      'exactly one token request for the whole benchmark': 'MISS',
    });
  });
});
