import { Caller } from 'src/common/access/caller.type';
import type { AuditAction } from 'src/common/access/route-access.util';
import { CallerScope } from 'src/config/gateway-config.type';

export type { AuditAction };

/**
 * One line of the audit trail. Never put a secret, a token or a request body in it: the token
 * broker gives a fingerprint and an expiry, nothing more.
 */
export interface AuditEntry {
  action: AuditAction;
  /** The caller's name (API key name or JWT subject), never its key. */
  caller: string;
  /** How the caller authenticated. */
  via?: Caller['via'];
  /** Set when the call came through the MCP endpoint (absent for the REST surface). */
  channel?: 'mcp';
  /** The MCP tool that made the call. */
  tool?: string;
  /** The scope the route needed. */
  scope: CallerScope;
  method: string;
  /** The route template, e.g. `/v1/regions/:region/secrets/:secretId`, never the raw URL. */
  route: string;
  region?: string;
  /** The GreenLake credential profile the call used. */
  profile?: string;
  upstreamStatus?: number;
  /** The status the caller got; 499 when the caller went away before the answer. */
  status: number;
  durationMs: number;
  requestId: string;
  tokenExpiresAt?: string;
  /** A short, non-reversible fingerprint of an issued token (never the token). */
  tokenFingerprint?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Set by handlers to enrich the request's audit line, e.g. the token broker sets
     * `{ profile, tokenFingerprint, tokenExpiresAt }`, the proxy `{ region, upstreamStatus }`.
     */
    auditContext?: Partial<AuditEntry>;
  }
}
