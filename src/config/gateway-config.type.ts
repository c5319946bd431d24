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

export interface GatewayConfig {
  port: number;
  mode: GatewayMode;
  logLevel: GatewayLogLevel;
  logFormat: 'text' | 'json';
  upstream: {
    regions: RegionConfig[];
    defaultRegion: string;
    timeoutMs: number;
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
  };
  redis: {
    url?: string;
  };
}
