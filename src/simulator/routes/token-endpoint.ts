import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TokenErrorWire, TokenResponseWire } from 'src/upstream/wire/token.wire';
import { FORM_TYPE, mediaTypeOf, rawBodyOf } from 'src/simulator/http/request-body.util';
import { contextOf } from 'src/simulator/http/request-context';
import { DEFAULT_WORKSPACE_ID, type SimulatorState } from 'src/simulator/simulator-state';
import { customerIdFor } from 'src/simulator/seed/workspace-data';

export const LEGACY_TOKEN_PATH = '/as/token.oauth2';
export const WORKSPACE_TOKEN_PATH = '/authorization/v2/oauth2/:workspaceId/token';

interface PresentedCredentials {
  clientId: string;
  clientSecret: string;
  style: 'form' | 'basic';
}

/** A token-endpoint failure in RFC 6749 §5.2 form. */
class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

/**
 * The client-credentials grant of both issuers: the legacy one (workspace of the client, or the
 * default workspace) and the workspace-scoped one (`workspaceId` from the URL).
 */
export function handleTokenRequest(
  state: SimulatorState,
  request: FastifyRequest,
  reply: FastifyReply,
  workspaceFromUrl: string | undefined,
): FastifyReply {
  try {
    const body = issue(state, request, workspaceFromUrl);
    return reply.code(200).headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send(body);
  } catch (error) {
    if (error instanceof TokenError) {
      return sendTokenError(reply, error.status, error.error, error.message);
    }
    throw error;
  }
}

export function sendTokenError(
  reply: FastifyReply,
  status: number,
  error: string,
  description: string,
): FastifyReply {
  const body: TokenErrorWire = { error, error_description: description };
  return reply.code(status).headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send(body);
}

function issue(
  state: SimulatorState,
  request: FastifyRequest,
  workspaceFromUrl: string | undefined,
): TokenResponseWire {
  if (mediaTypeOf(request) !== FORM_TYPE) {
    throw new TokenError(400, 'invalid_request', `Content-Type must be ${FORM_TYPE}`);
  }
  const form = new URLSearchParams(rawBodyOf(request));
  const credentials = presentedCredentials(request.headers.authorization, form);
  const context = contextOf(request);
  context.clientId = credentials.clientId;
  context.authStyle = credentials.style;

  const grantType = form.get('grant_type');
  if (!grantType) {
    throw new TokenError(400, 'invalid_request', 'grant_type is required');
  }
  if (grantType !== 'client_credentials') {
    throw new TokenError(
      400,
      'unsupported_grant_type',
      `grant_type ${grantType} is not supported; use client_credentials`,
    );
  }
  const client = state.clients.get(credentials.clientId);
  if (!client || !sameSecret(client.clientSecret, credentials.clientSecret)) {
    throw new TokenError(401, 'invalid_client', 'Client authentication failed');
  }
  if (client.workspaceId !== undefined && client.workspaceId !== workspaceFromUrl) {
    throw new TokenError(
      401,
      'invalid_client',
      'Client authentication failed: this client belongs to another workspace; use its workspace token URL',
    );
  }
  const workspaceId = workspaceFromUrl ?? DEFAULT_WORKSPACE_ID;
  const endpoint = workspaceFromUrl === undefined ? 'legacy' : 'workspace';
  const lifetimeSeconds = state.tokenLifetimeSeconds(endpoint);
  const { accessToken } = state.tokens.issue({
    clientId: client.clientId,
    workspaceId,
    customerId: customerIdFor(workspaceId),
    issuer:
      endpoint === 'legacy'
        ? state.globalUrl
        : `${state.globalUrl}/authorization/v2/oauth2/${workspaceId}`,
    lifetimeSeconds,
    nowMs: Date.now(),
  });
  return { access_token: accessToken, token_type: 'Bearer', expires_in: lifetimeSeconds };
}

/** client_secret_basic or client_secret_post; using both at once is refused (RFC 6749 §2.3). */
function presentedCredentials(
  authorization: string | undefined,
  form: URLSearchParams,
): PresentedCredentials {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (basic) {
    if (form.has('client_secret')) {
      throw new TokenError(
        400,
        'invalid_request',
        'Use one client authentication method: HTTP Basic or the form body, not both',
      );
    }
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) {
      throw new TokenError(401, 'invalid_client', 'Malformed HTTP Basic credentials');
    }
    const clientId = formDecode(decoded.slice(0, colon));
    const formClientId = form.get('client_id');
    if (formClientId !== null && formClientId !== clientId) {
      throw new TokenError(
        400,
        'invalid_request',
        'client_id in the body does not match the HTTP Basic credentials',
      );
    }
    return { clientId, clientSecret: formDecode(decoded.slice(colon + 1)), style: 'basic' };
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  if (!clientId || clientSecret === null) {
    throw new TokenError(
      401,
      'invalid_client',
      'Client authentication is required (client_id and client_secret, or HTTP Basic)',
    );
  }
  return { clientId, clientSecret, style: 'form' };
}

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function sameSecret(expected: string, given: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
