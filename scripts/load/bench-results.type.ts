import type { Machine } from './proc-stats.util';

export type ScenarioId = 'direct' | 'bare' | 'miss' | 'hit' | 'passThrough';
export type SettingId = 'realistic' | 'cpuBound';

export interface ScenarioResult {
  id: ScenarioId;
  label: string;
  /** What the load generator called (the gateway's own path for gateway scenarios). */
  path: string;
  requests: number;
  reqPerSec: number;
  /** Mean over the rounds of each round's percentile (autocannon, whole milliseconds, 2xx only). */
  p50Ms: number;
  p99Ms: number;
  /** Transport errors and timeouts, then answers other than 2xx. */
  errors: number;
  non2xx: number;
  /** CPU of the process in the middle (bare proxy or gateway) per request; null for direct. */
  cpuUsPerRequest: number | null;
  /** CPU of the simulator per request (the same work in every scenario). */
  simulatorCpuUsPerRequest: number;
  /** Peak VmRSS of the process in the middle while the scenario ran; null for direct. */
  peakRssMb: number | null;
  /** X-Cache of one request after the runs (absent until the response cache lands). */
  xCache: string | null;
  rpsVsDirect: number;
  cpuVsBare: number | null;
}

export interface SettingResult {
  id: SettingId;
  label: string;
  upstreamLatencyMs: number;
  scenarios: ScenarioResult[];
}

/** One scenario driven at a fixed rate (autocannon's overallRate) rather than as fast as it goes. */
export interface PacedResult {
  id: ScenarioId;
  /** What was offered: a multiple of direct's req/s in the same setting. */
  offeredReqPerSec: number;
  connections: number;
  reqPerSec: number;
  /** Corrected for coordinated omission (autocannon's default at a fixed rate). */
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  xCache: string | null;
}

export type Verdict = 'PASS' | 'MISS';

export interface GoalCheck {
  goal: string;
  measured: string;
  verdict: Verdict;
  note?: string;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  config: { seconds: number; warmupSeconds: number; rounds: number; connections: number };
  /** What the run predates or how it was made; printed with the figures. */
  notes: string[];
  settings: SettingResult[];
  /** The cache hit at 5× direct's req/s against the 50 ms upstream (absent in older runs). */
  pacedHit?: PacedResult;
  /** The same paced load against a bare Node server answering the hit's bytes: the floor. */
  pacedFloor?: PacedResult;
  /** Token requests the simulator saw over the whole run (the gateway's only). */
  tokenRequests: number;
  /** VmHWM of the gateway at the end: its peak RSS over the whole run. */
  gatewayPeakRssMb: number;
  goals: GoalCheck[];
}
