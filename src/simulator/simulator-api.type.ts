export interface SimulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** 0 (default): every listener on an ephemeral port. N > 0: token listener N, admin N+1, regions N+2, N+3, ... */
  port?: number;
  /** Default: us-west, eu-west, eu-central, ap-northeast, us1, eu1, jp1. */
  regions?: string[];
  /** Default: one client `simulator-client` / `simulator-secret` without a workspace. */
  clients?: SimulatedClient[];
  /** When set, both token endpoints use it; else 7199 (legacy) and 900 (workspace endpoint). */
  tokenLifetimeSeconds?: number;
  /** Pace of created async operations: time per step. Default 2000. */
  operationStepMs?: number;
  /** Reported on operations. Default 30. */
  suggestedPollingIntervalSeconds?: number;
  /** Default 'current' (`{httpStatusCode, errorCode, message, debugId}`). */
  errorEnvelope?: 'current' | 'legacy';
  /** Per client id, fixed one-minute window. Default 6000. */
  rateLimitPerMinute?: number;
  /** No console output. Default true (main.ts sets false). */
  quiet?: boolean;
}

export interface SimulatedClient {
  clientId: string;
  clientSecret: string;
  /** When set, the client only gets tokens from its own workspace token URL. */
  workspaceId?: string;
}

export interface RunningSimulator {
  /** `${global}/as/token.oauth2` (legacy issuer). */
  readonly tokenUrl: string;
  /** `${global}/authorization/v2/oauth2/${workspaceId}/token`. */
  workspaceTokenUrl(workspaceId: string): string;
  /** region -> 'http://127.0.0.1:PORT' (no trailing slash). */
  readonly regionUrls: Readonly<Record<string, string>>;
  readonly adminUrl: string;
  readonly controls: SimulatorControls;
  /** Closes everything, including keep-alive sockets. */
  stop(): Promise<void>;
}

export interface RequestMatch {
  target?: 'token' | 'data';
  region?: string;
  method?: string;
  pathPrefix?: string;
}

/**
 * How the budget headers are spelled: `ratelimit-*` (platform guide), `X-RateLimit-*` (IAM,
 * backup-recovery), or the HTTP standard's single `RateLimit: limit=, remaining=, reset=` field.
 */
export type BudgetHeaderSpelling = 'ratelimit' | 'x-ratelimit' | 'standard';

/** A per-client budget: `limit` calls per `windowMs`, then 429 until the window ends. */
export interface SimulatedBudget {
  limit: number;
  /** Default 60000. */
  windowMs?: number;
  /** Default 'ratelimit'. */
  headers?: BudgetHeaderSpelling;
  /** Whether a 429 carries `Retry-After` (seconds to the reset). Default false (UNCONFIRMED upstream). */
  retryAfter?: boolean;
}

/** One step of a scripted operation: what it reports from `atMs` after its creation on. */
export interface OperationScriptStep {
  atMs: number;
  state: string;
  progressPercent?: number;
  /** A log message added when the step is reached. */
  message?: string;
}

/** A created operation that follows these steps instead of the default INITIALIZED → RUNNING → end. */
export interface OperationScript {
  /** In order of atMs; the operation stays in the last one. */
  steps: OperationScriptStep[];
  /** `status` instead of `state`, as GreenLake's devices and subscriptions report it. Default `state`. */
  stateField?: 'state' | 'status';
  /** Default: the simulator's suggestedPollingIntervalSeconds. */
  suggestedPollingIntervalSeconds?: number;
}

/**
 * A 200 that a parsed route must not trust: an HTML page from a proxy in the way, JSON that does not
 * parse (labelled application/json), valid JSON of the wrong shape, a valid list padded to `bytes`,
 * or a valid list sent one byte every `intervalMs` (a slow drip).
 */
export type BadAnswer =
  | { kind: 'html' }
  | { kind: 'broken-json' }
  | { kind: 'json'; body: unknown }
  | { kind: 'huge'; bytes: number }
  | { kind: 'slow-drip'; intervalMs: number };

export interface SimulatorControls {
  /** Replaces the per-client budget until reset(); windows open afresh. */
  setBudget(budget: SimulatedBudget): void;
  /** Drops every pending failNext and resetNext rule (a region that failed everything heals). */
  clearFailures(): void;
  /** Every matching request waits ms before it is handled; 0 clears (all rules, or those with this exact match). */
  addLatency(ms: number, match?: RequestMatch): void;
  /** The next N matching requests answer `status` with the error envelope (+ Retry-After when given). */
  failNext(
    count: number,
    status: number,
    options?: RequestMatch & { retryAfterSeconds?: number },
  ): void;
  /** Every matching answer carries these headers too (e.g. `Deprecation`, `Sunset`); {} removes the rule. */
  addResponseHeaders(headers: Record<string, string>, match?: RequestMatch): void;
  /** The next N matching data requests answer 200 with this bad body instead of the real one. */
  answerBadlyNext(count: number, answer: BadAnswer, match?: RequestMatch): void;
  /** Slow-drip answers still being written (0 once every reader went away or got it all). */
  openDrips(): number;
  /** The next N matching requests get their socket destroyed without an answer. */
  resetNext(count: number, match?: RequestMatch): void;
  /** Every token issued so far now gets 401. */
  revokeAllTokens(): void;
  /** Every token issued so far is now expired (401). */
  expireAllTokens(): void;
  setTokenLifetime(seconds: number): void;
  /** Applies to operations created afterwards. */
  setOperationStepMs(ms: number): void;
  /** The next `count` (default 1) operations created by a mutating call follow this script. */
  scriptNextOperations(script: OperationScript, count?: number): void;
  /** Token and region listeners stop accepting (ECONNREFUSED) and drop open sockets; admin stays up. */
  goDown(): Promise<void>;
  /** Listen again on the same ports. */
  comeUp(): Promise<void>;
  /** The request log, oldest first. */
  requests(match?: RequestMatch): SimulatedRequest[];
  clearRequests(): void;
  /** Clears every control, the log, issued tokens and mutated data (back to the seed). */
  reset(): void;
}

export interface SimulatedRequest {
  at: string;
  target: 'token' | 'data';
  region?: string;
  method: string;
  path: string;
  /** Decoded. */
  query: Record<string, string | string[]>;
  contentType?: string;
  /** Data calls: the parsed JSON body (or the raw text when it is not JSON). Never logged for token calls. */
  body?: unknown;
  /** Token calls: the client that asked; data calls: the client the token was issued to. */
  clientId?: string;
  /** Token calls. */
  authStyle?: 'form' | 'basic';
  /** Data calls: first 8 hex of sha256(token); never the token itself. */
  tokenFingerprint?: string;
  /** What was answered (0 when the socket was reset). */
  status: number;
  /** Trace propagation headers the caller sent (W3C `traceparent`, B3), when it sent any. */
  trace?: SimulatedTraceHeaders;
}

export interface SimulatedTraceHeaders {
  traceparent?: string;
  b3TraceId?: string;
  b3SpanId?: string;
  b3Sampled?: string;
}
