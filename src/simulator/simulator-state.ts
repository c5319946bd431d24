import { randomBytes } from 'node:crypto';
import { BadAnswers } from './faults/bad-answers';
import { ControlRules } from './faults/control-rules';
import { RateLimiter } from './faults/rate-limiter';
import { RequestLog } from './faults/request-log';
import type { OperationScript, SimulatedClient, SimulatorOptions } from './simulator-api.type';
import { TokenRegistry } from './http/token-registry';
import { WorkspaceStore } from './seed/workspace-data';

export const DEFAULT_REGIONS = [
  'us-west',
  'eu-west',
  'eu-central',
  'ap-northeast',
  'us1',
  'eu1',
  'jp1',
];
export const DEFAULT_CLIENT: SimulatedClient = {
  clientId: 'simulator-client',
  clientSecret: 'simulator-secret',
};
/** The workspace of tokens from the legacy issuer (clients without a workspaceId). */
export const DEFAULT_WORKSPACE_ID = 'f3a1c9e27b5d4e06a8c2d71b9e4f5a60';
export const LEGACY_TOKEN_LIFETIME_SECONDS = 7199;
export const WORKSPACE_TOKEN_LIFETIME_SECONDS = 900;

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'tokenLifetimeSeconds'>> & {
  tokenLifetimeSeconds?: number;
};

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const regions = options.regions ?? DEFAULT_REGIONS;
  if (regions.length === 0 || new Set(regions).size !== regions.length) {
    throw new Error('Simulator regions must be a non-empty list of distinct names');
  }
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    regions: [...regions],
    clients: options.clients ?? [DEFAULT_CLIENT],
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    operationStepMs: options.operationStepMs ?? 2000,
    suggestedPollingIntervalSeconds: options.suggestedPollingIntervalSeconds ?? 30,
    errorEnvelope: options.errorEnvelope ?? 'current',
    rateLimitPerMinute: options.rateLimitPerMinute ?? 6000,
    quiet: options.quiet ?? true,
  };
}

/** The one state object every listener shares. */
export class SimulatorState {
  readonly clients: ReadonlyMap<string, SimulatedClient>;
  readonly tokens = new TokenRegistry();
  readonly workspaces: WorkspaceStore;
  readonly rules = new ControlRules();
  readonly badAnswers = new BadAnswers();
  readonly log = new RequestLog();
  readonly rateLimiter: RateLimiter;
  /** Signs download links, so that the global listener can check them without knowing the workspace. */
  readonly downloadKey = randomBytes(32);
  /** Set once the global listener listens: the base of token issuers and download links. */
  globalUrl = '';
  private tokenLifetimeOverride: number | undefined;
  private stepMs: number;
  private scripts: OperationScript[] = [];

  constructor(readonly options: ResolvedOptions) {
    this.clients = new Map(options.clients.map((client) => [client.clientId, client]));
    this.workspaces = new WorkspaceStore(options.suggestedPollingIntervalSeconds);
    this.rateLimiter = new RateLimiter(options.rateLimitPerMinute);
    this.tokenLifetimeOverride = options.tokenLifetimeSeconds;
    this.stepMs = options.operationStepMs;
  }

  tokenLifetimeSeconds(endpoint: 'legacy' | 'workspace'): number {
    return (
      this.tokenLifetimeOverride ??
      (endpoint === 'legacy' ? LEGACY_TOKEN_LIFETIME_SECONDS : WORKSPACE_TOKEN_LIFETIME_SECONDS)
    );
  }

  setTokenLifetime(seconds: number): void {
    this.tokenLifetimeOverride = seconds;
  }

  get operationStepMs(): number {
    return this.stepMs;
  }

  setOperationStepMs(ms: number): void {
    this.stepMs = ms;
  }

  queueOperationScript(script: OperationScript, count: number): void {
    for (let n = 0; n < count; n += 1) {
      this.scripts.push(script);
    }
  }

  /** The script of the next created operation, if one is queued. */
  takeOperationScript(): OperationScript | undefined {
    return this.scripts.shift();
  }

  /** Back to the seed: no rules, no log, no tokens, no mutated data, the configured settings. */
  reset(): void {
    this.rules.clear();
    this.badAnswers.clear();
    this.log.clear();
    this.tokens.clear();
    this.workspaces.clear();
    this.rateLimiter.clear();
    this.tokenLifetimeOverride = this.options.tokenLifetimeSeconds;
    this.stepMs = this.options.operationStepMs;
    this.scripts = [];
  }
}
