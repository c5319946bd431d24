import type { RedisTopology } from './redis.parser';
import type { ResourceDefaultsOverride } from 'src/catalog/resource-spec.type';
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type GatewayLogLevel = (typeof LOG_LEVELS)[number];

export const CALLER_SCOPES = ['read', 'write', 'token', 'admin'] as const;
export type CallerScope = (typeof CALLER_SCOPES)[number];

export type GatewayMode = 'simulator' | 'real';

export interface RegionConfig {
  /** Canonical name, e.g. `us-west`. */
  name: string;
  baseUrl: string;
  /** Other names that resolve to this region (case-insensitive). */
  aliases: string[];
  /** True for the DSCC-era `*.data.cloud.hpe.com` hosts. */
  legacy: boolean;
}

export type ClientAuthStyle = 'form' | 'basic';

export interface CredentialProfile {
  name: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  authStyle: ClientAuthStyle;
  /** Canonical names of the regions this profile's workspace serves. */
  regions: string[];
}

export interface ApiKeyEntry {
  name: string;
  /** SHA-256 of the key, lowercase hex: plaintext keys are hashed at boot and never kept. */
  keySha256: string;
  scopes: CallerScope[];
  /** Credential profile the caller is bound to; undefined means the default profile. */
  profile?: string;
}

/** One resource's entry in GATEWAY_DEFAULTS_FILE; an absent field keeps the built-in default. */
/** JWT bearer tokens from an identity provider (GATEWAY_JWT_*); absent when not configured. */
export interface JwtAuthConfig {
  jwksUrl: string;
  issuer: string;
  /** Accepted `aud` values; a token must carry one of them. */
  audience: string[];
  /** Claim holding the scopes (dotted path): a space- or comma-separated string, or an array. */
  scopesClaim: string;
  /** Stripped from each scope before matching, e.g. `gateway:` for `gateway:read`. */
  scopePrefix: string;
  /** Claim naming the caller (audit lines, rate limits). */
  nameClaim: string;
  /** Claim binding the caller to a credential profile, if any. */
  profileClaim?: string;
  jwksTimeoutMs: number;
}

export interface RateLimitConfig {
  /** Requests per minute per caller without a limit of its own; 0 means no limit. */
  perMinute: number;
  /** Requests per minute by caller name; 0 means no limit. */
  perCaller: Record<string, number>;
  /** Counting window; limits are scaled to it. */
  windowSeconds: number;
}

/** The response cache (GATEWAY_CACHE, GATEWAY_CACHE_*, GATEWAY_PROXY_CACHE_TTL_SECONDS). */
export interface CacheConfig {
  enabled: boolean;
  /** Bound of the in-memory store (used when Redis is not configured). */
  maxBytes: number;
  /** A larger answer is served but never stored. */
  maxEntryBytes: number;
  /** How long past its TTL an entry may stand in for an upstream failure. */
  staleSeconds: number;
  /** Pass-through GETs outside the Data Services catalog; 0 means never cached. */
  proxyTtlSeconds: number;
  /**
   * A hit in the last this-many percent of its entry's TTL refreshes the entry in the background,
   * so that a busy key never makes its callers wait on GreenLake; 0 turns it off.
   */
  refreshAheadPercent: number;
}

/** The shared GreenLake budget: pacing, fair share, GET retries, per-region breaker (src/budget). */
export interface BudgetConfig {
  /** A call waits at most this long for a spent budget to reset (UPSTREAM_BUDGET_WAIT_MS). */
  waitMs: number;
  /** Off: no fair share, only pacing (GATEWAY_UPSTREAM_FAIR_SHARE). */
  fairShare: boolean;
  /** Caller name → weight (GATEWAY_UPSTREAM_SHARES); 1 for everyone not listed. */
  shares: Record<string, number>;
  /** More tries for GET and HEAD (UPSTREAM_RETRIES). */
  retries: number;
  /** Longest Retry-After honoured, and the total wait of one call's retries (UPSTREAM_RETRY_MAX_WAIT_MS). */
  retryMaxWaitMs: number;
  breakerFailures: number;
  breakerOpenMs: number;
}

export interface GatewayConfig {
  port: number;
  /** Listen address (HOST): loopback by default in simulator mode, every interface in real mode. */
  host: string;
  /** SIGTERM: at most this long for in-flight requests to finish (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: export spans over OTLP/HTTP when set. */
  otlpEndpoint?: string;
  mode: GatewayMode;
  logLevel: GatewayLogLevel;
  logFormat: 'text' | 'json';
  upstream: {
    regions: RegionConfig[];
    defaultRegion: string;
    timeoutMs: number;
    /** The largest body a parsed route reads (pass-through streams without a bound). */
    maxBodyBytes: number;
  };
  credentials: {
    profiles: CredentialProfile[];
    refreshSkewSeconds: number;
    encryptionKey?: string;
  };
  auth: {
    mode: 'required' | 'off';
    apiKeys: ApiKeyEntry[];
    /** Simulator mode without GATEWAY_API_KEYS: the fixed key `simulator` has every scope. */
    developmentKey: boolean;
    jwt?: JwtAuthConfig;
  };
  rateLimit: RateLimitConfig;
  budget: BudgetConfig;
  metrics: {
    /** False: /metrics needs a caller with the admin scope (GATEWAY_METRICS_PUBLIC=false). */
    public: boolean;
  };
  redis: {
    /** REDIS_URL, when shared state lives in one Redis. */
    url?: string;
    /** Undefined: shared state lives in process memory. */
    topology?: RedisTopology;
  };
  cache: CacheConfig;
  /** How /wait and /events poll GreenLake tasks (TASK_POLL_MIN_MS, TASK_POLL_MAX_MS, TASK_EVENTS_KEEPALIVE_MS). */
  tasks: {
    /** Bounds of the poll interval; GreenLake's suggestedPollingIntervalSeconds is clamped to them. */
    pollMinMs: number;
    pollMaxMs: number;
    /** A `: keep-alive` comment on an idle /events stream this often. */
    eventsKeepAliveMs: number;
    /** GATEWAY_CALLBACK_HOSTS: the only `host:port`s a task callback may be sent to (lowercase). */
    callbackHosts: string[];
    /** GATEWAY_CALLBACK_SECRET: the HMAC-SHA256 key of X-Gateway-Signature. */
    callbackSecret?: string;
  };
  /** Overrides of the resources' server-side defaults, by resource name (GATEWAY_DEFAULTS_FILE). */
  resourceDefaults?: Record<string, ResourceDefaultsOverride>;
}
