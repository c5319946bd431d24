import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { QueryParams } from 'src/simulator/query/list-query';
import type { WorkspaceData } from 'src/simulator/seed/workspace-data';
import type { RequestFacts } from './request-match.util';
import type { IssuedToken } from './token-registry';

/** What the hooks learn about one request, for the handlers and the request log. */
export interface RequestContext {
  readonly facts: RequestFacts;
  readonly at: string;
  readonly query: QueryParams;
  token?: IssuedToken;
  /** Data calls: the fingerprint of the bearer token presented, valid or not. */
  tokenFingerprint?: string;
  workspace?: WorkspaceData;
  clientId?: string;
  authStyle?: 'form' | 'basic';
  /** The body as parsed by a handler, so that the log need not parse it twice. */
  parsedBody?: { value: unknown };
  /** Set once the entry is in the log (a reset logs itself). */
  logged?: boolean;
}

// Keyed by the raw request, so that no Fastify type is augmented for the gateway that shares the program
const contexts = new WeakMap<IncomingMessage, RequestContext>();

export function createContext(request: FastifyRequest, facts: RequestFacts): RequestContext {
  const context: RequestContext = {
    facts,
    at: new Date().toISOString(),
    query: parseQuery(request.url),
  };
  contexts.set(request.raw, context);
  return context;
}

export function contextOf(request: FastifyRequest): RequestContext {
  const context = contexts.get(request.raw);
  if (!context) {
    throw new Error(`No simulator context for ${request.method} ${request.url}`);
  }
  return context;
}

/** The workspace of the authenticated caller; data handlers only run after the bearer check. */
export function workspaceOf(request: FastifyRequest): WorkspaceData {
  const workspace = contextOf(request).workspace;
  if (!workspace) {
    throw new Error('Data handler reached without an authenticated workspace');
  }
  return workspace;
}

export function pathOf(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
}

/** Decoded query parameters; a repeated name becomes an array. `+` is a space, as in GreenLake's docs. */
export function parseQuery(url: string): Record<string, string | string[]> {
  const index = url.indexOf('?');
  const query: Record<string, string | string[]> = {};
  if (index === -1) {
    return query;
  }
  for (const [name, value] of new URLSearchParams(url.slice(index + 1))) {
    const existing = query[name];
    if (existing === undefined) {
      query[name] = value;
    } else {
      query[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
  }
  return query;
}
