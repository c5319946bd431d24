import type { RunningSimulator } from 'src/simulator';

export const DS = '/data-services/v1beta1';
export const FORM_TYPE = 'application/x-www-form-urlencoded';
export const MERGE_PATCH = 'application/merge-patch+json';
export const DEFAULT_CLIENT = { clientId: 'simulator-client', clientSecret: 'simulator-secret' };

export interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TokenRequestOptions {
  url?: string;
  clientId?: string;
  clientSecret?: string;
  style?: 'form' | 'basic';
  grantType?: string;
}

/** POSTs a client-credentials request to a token endpoint (the legacy one by default). */
export async function requestToken<T = Record<string, unknown>>(
  sim: RunningSimulator,
  options: TokenRequestOptions = {},
): Promise<Reply<T>> {
  const { clientId, clientSecret } = { ...DEFAULT_CLIENT, ...options };
  const form = new URLSearchParams({ grant_type: options.grantType ?? 'client_credentials' });
  const headers: Record<string, string> = { 'content-type': FORM_TYPE };
  if (options.style === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
  } else {
    form.set('client_id', clientId);
    form.set('client_secret', clientSecret);
  }
  return send<T>(options.url ?? sim.tokenUrl, { method: 'POST', headers, body: form.toString() });
}

/** A fresh access token; fails the test when the simulator refuses. */
export async function tokenFor(
  sim: RunningSimulator,
  options: TokenRequestOptions = {},
): Promise<string> {
  const reply = await requestToken<{ access_token?: string }>(sim, options);
  if (reply.status !== 200 || !reply.body.access_token) {
    throw new Error(`token request failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return reply.body.access_token;
}

/** fetch, with the body parsed as JSON when it is JSON. */
export async function send<T = unknown>(url: string, init: RequestInit = {}): Promise<Reply<T>> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  let body: unknown = text;
  if (text !== '' && /json/.test(response.headers.get('content-type') ?? '')) {
    body = JSON.parse(text);
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

/** Calls one region of the simulator with a bearer token. */
export class RegionApi {
  constructor(
    private readonly sim: RunningSimulator,
    readonly token: string | undefined,
    readonly region = 'us-west',
  ) {}

  /** The same region with another token (undefined: none). */
  withToken(token: string | undefined): RegionApi {
    return new RegionApi(this.sim, token, this.region);
  }

  url(path: string): string {
    return `${this.sim.regionUrls[this.region]}${path}`;
  }

  get<T = Record<string, unknown>>(
    path: string,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    return send<T>(this.url(path), { headers: { ...this.auth(), ...headers } });
  }

  /** A JSON body (serialised unless it is already a string) with the given content type. */
  write<T = Record<string, unknown>>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...this.auth() };
    if (body !== undefined) {
      headers['content-type'] = contentType;
    }
    return send<T>(this.url(path), {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  private auth(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }
}

export async function connect(
  sim: RunningSimulator,
  region = 'us-west',
  options: TokenRequestOptions = {},
): Promise<RegionApi> {
  return new RegionApi(sim, await tokenFor(sim, options), region);
}

/** The network error code (ECONNREFUSED, UND_ERR_SOCKET, ...) of a fetch that must fail. */
export async function networkErrorOf(request: Promise<unknown>): Promise<string> {
  try {
    await request;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? String(error);
  }
  throw new Error('expected the request to fail at the network level');
}

/**
 * The network error a request meets once a listener is down. A pooled keep-alive socket that the
 * listener closed may still look open to the client when the machine is busy, so the first attempt
 * can die on it (UND_ERR_SOCKET) instead: that one is tried again, on a new connection.
 */
export async function refusedCodeOf(request: () => Promise<unknown>): Promise<string> {
  const first = await networkErrorOf(request());
  return first === 'UND_ERR_SOCKET' ? networkErrorOf(request()) : first;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` passes or `timeoutMs` runs out. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value) || Date.now() > deadline) {
      return value;
    }
    await sleep(20);
  }
}
