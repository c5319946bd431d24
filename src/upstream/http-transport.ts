import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { Agent, type Dispatcher, EnvHttpProxyAgent } from 'undici';
import { parseBody, releaseBody } from './stream-body.util';

export type QueryValue = string | number | boolean | undefined;
export type TransportQuery = Record<string, QueryValue | QueryValue[]>;

export interface TransportRequest {
  /** The regional host, e.g. `https://us-west.api.greenlake.hpe.com` (a path prefix is kept). */
  baseUrl: string;
  method: Dispatcher.HttpMethod;
  path: string;
  query?: TransportQuery;
  /** Sent as it is instead of `query`. */
  rawQuery?: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  signal: AbortSignal;
  /** An idle bound for headers and for the gap between body chunks; the caller owns the deadline. */
  timeoutMs: number;
  /** `json`: the body is read (at most maxBodyBytes, decompressed) and parsed; `stream`: handed over. */
  read: 'json' | 'stream';
  maxBodyBytes: number;
}

export interface TransportAnswer<T> {
  status: number;
  /** Lower-case names, as GreenLake sent them. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, the text when it does not parse, `''` when there is none; or the stream. */
  data: T;
}

/** A body that passed UPSTREAM_MAX_BODY_BYTES: a parsed route never reads it whole. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The body is larger than ${limit} bytes`);
  }
}

const DECOMPRESS = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
} as const;

const POOL = { connections: 256, keepAliveTimeout: 4_000, pipelining: 1 } as const;

/**
 * HTTP/1.1 to the regional hosts over undici, one connection pool per host (axios through
 * @nestjs/axios before: about 8% of a cache miss's CPU with node:http's client, against undici's
 * 7%, so kept for its pools and per-phase timeouts more than for speed). It follows no redirect,
 * honours HTTP(S)_PROXY and NO_PROXY when they are set (as axios did), and asks for gzip, deflate
 * or br on parsed reads (a pass-through stream goes as sent).
 */
export class HttpTransport {
  private readonly dispatchers = new Map<string, Dispatcher>();

  async exchange<T>(request: TransportRequest): Promise<TransportAnswer<T>> {
    const base = new URL(request.baseUrl);
    const prefix = base.pathname.replace(/\/+$/, '');
    const query = request.rawQuery ?? queryStringOf(request.query);
    const answer = await this.dispatcherFor(base.origin).request({
      origin: base.origin,
      path: `${prefix}${request.path}${query ? `?${query}` : ''}`,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      headersTimeout: request.timeoutMs,
      bodyTimeout: request.timeoutMs,
    });
    const headers = answer.headers as TransportAnswer<T>['headers'];
    if (request.read === 'stream') {
      return { status: answer.statusCode, headers, data: answer.body as T };
    }
    const declared = Number(headers['content-length']);
    if (declared > request.maxBodyBytes) {
      releaseBody(answer.body);
      throw new BodyTooLargeError(request.maxBodyBytes);
    }
    const raw = await readAtMost(answer.body, request.maxBodyBytes);
    const body = await decoded(raw, headers['content-encoding'], request.maxBodyBytes);
    return { status: answer.statusCode, headers, data: parseBody(body) as T };
  }

  /** Closes every pool: in-flight exchanges fail, idle sockets go. */
  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((dispatcher) => dispatcher.destroy()));
  }

  private dispatcherFor(origin: string): Dispatcher {
    let dispatcher = this.dispatchers.get(origin);
    if (!dispatcher) {
      dispatcher = proxyConfigured() ? new EnvHttpProxyAgent(POOL) : new Agent(POOL);
      this.dispatchers.set(origin, dispatcher);
    }
    return dispatcher;
  }
}

/** `a=1&a=2` for lists (no `[]`), undefined values left out. */
export function queryStringOf(query: TransportQuery | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined) {
        params.append(name, String(one));
      }
    }
  }
  return params.toString();
}

function proxyConfigured(): boolean {
  const env = process.env;
  return Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
}

async function readAtMost(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      releaseBody(body);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

async function decoded(
  raw: Buffer,
  encoding: string | string[] | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const name = (Array.isArray(encoding) ? encoding[0] : encoding)?.trim().toLowerCase();
  const decompress = name ? DECOMPRESS[name as keyof typeof DECOMPRESS] : undefined;
  if (!decompress || raw.length === 0) {
    return raw;
  }
  try {
    return await decompress(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new BodyTooLargeError(maxBytes);
    }
    throw error;
  }
}
