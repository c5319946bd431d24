import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Method } from 'axios';
import type { Readable } from 'node:stream';
import { BudgetGate } from 'src/budget/budget-gate.service';
import { USER_AGENT } from 'src/common/app-version';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig, RegionConfig } from 'src/config/gateway-config.type';
import {
  currentRequestContext,
  noteUpstreamAnswer,
} from 'src/common/request-context/request-context';
import { DeprecationNotices } from 'src/metrics/deprecation-notices.service';
import { GatewayMetrics } from 'src/metrics/gateway-metrics.service';
import { ClientSpan, SpanTracer } from 'src/tracing/span-tracer.service';
import { AccessToken } from 'src/credentials/access-token.type';
import { TokenService } from 'src/credentials/token.service';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { HttpTransport, type QueryValue, type TransportAnswer } from './http-transport';
import { parseBody, readBounded, releaseBody } from './stream-body.util';
import { badParsedBody } from './parsed-body.util';
import {
  mapBadResponse,
  mapTransportError,
  mapUpstreamStatus,
  UpstreamCallContext,
} from './upstream-error.mapper';
import { isConfinedPath } from './upstream-path.util';

export type { QueryValue };

export interface UpstreamRequest {
  method: Method;
  /** Absolute path on the regional host, e.g. `/data-services/v1beta1/async-operations`. */
  path: string;
  query?: Record<string, QueryValue | QueryValue[]>;
  /** An already validated query string, sent as it is instead of `query` (pass-through). */
  rawQuery?: string;
  /** JSON-serialisable value, or a Buffer sent byte for byte. Must be re-sendable (401 replay). */
  body?: unknown;
  contentType?: string;
  /** Headers to pass on, already allow-listed by the pass-through; credentials are set after them. */
  headers?: Record<string, string>;
}

export interface UpstreamResponse<T> {
  status: number;
  headers: Record<string, unknown>;
  data: T;
}

/** A 1xx–3xx answer whose body has not been read: for the pass-through proxy. */
export interface UpstreamStreamResponse {
  status: number;
  /** As GreenLake sent them: not for a caller's eyes before the pass-through picks the safe ones. */
  headers: Record<string, unknown>;
  body: Readable;
}

interface Exchange<T> {
  context: UpstreamCallContext;
  response: TransportAnswer<T>;
}

type ReadAs = 'json' | 'stream';

// Enough for any GreenLake error envelope; the rest of a large error body is never read
const MAX_ERROR_BODY_BYTES = 64 * 1024;
const NEVER_FORWARDED = new Set(['authorization', 'cookie', 'x-api-key', 'proxy-authorization']);

/**
 * The only code that talks to GreenLake's regional hosts, for a call already resolved at the edge
 * (region and profile: see UpstreamCallGuard): passes the budget gate, injects the bearer token,
 * keeps a connection pool per region, bounds every answer by one deadline, replays once after a
 * 401 with a fresh token, and turns every status from 400 up into a GatewayError through one table.
 */
@Injectable()
export class UpstreamClient implements OnApplicationShutdown {
  private readonly logger = new Logger(UpstreamClient.name);
  private readonly transport = new HttpTransport();

  constructor(
    private readonly tokens: TokenService,
    private readonly budget: BudgetGate,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly metrics: GatewayMetrics,
    private readonly deprecations: DeprecationNotices,
    private readonly tracer: SpanTracer,
  ) {}

  async request<T>(call: UpstreamCall, request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const { context, response } = await this.exchange<T>(call, request, 'json');
    if (response.status >= 400) {
      throw mapUpstreamStatus(response.status, response.data, response.headers, context);
    }
    const bad = badParsedBody(request.method, response.status, response.headers, response.data);
    if (bad) {
      throw mapBadResponse(context, bad);
    }
    return {
      status: response.status,
      headers: response.headers,
      data: response.data,
    };
  }

  /**
   * Like request(), but the body of a successful answer is handed over unread (the pass-through
   * picks which headers a caller may see). Statuses from 400 up are still mapped to a GatewayError
   * (their body is read for GreenLake's errorCode and debugId, never passed on). The caller must
   * consume or destroy the body.
   */
  async stream(call: UpstreamCall, request: UpstreamRequest): Promise<UpstreamStreamResponse> {
    const { context, response } = await this.exchange<Readable>(call, request, 'stream');
    if (response.status >= 400) {
      const data = parseBody(await readBounded(response.data, MAX_ERROR_BODY_BYTES));
      throw mapUpstreamStatus(response.status, data, response.headers, context);
    }
    return {
      status: response.status,
      headers: response.headers,
      body: response.data,
    };
  }

  // After the HTTP server has closed (Nest calls this past dispose), so in-flight requests finish
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }

  private async exchange<T>(
    call: UpstreamCall,
    request: UpstreamRequest,
    readAs: ReadAs,
  ): Promise<Exchange<T>> {
    const { region, profile } = call;
    if (!isConfinedPath(request.path)) {
      throw new GatewayError(
        GatewayErrorCode.VALIDATION_FAILED,
        'The upstream path is not allowed (it must stay on the regional host)',
      );
    }
    const context: UpstreamCallContext = {
      region: region.name,
      method: request.method,
      path: request.path,
    };
    // Every try passes the budget gate: pacing, fair share, breaker, GET retries (src/budget)
    const sendWith = (token: AccessToken) =>
      this.budget.send(
        call,
        request.method,
        () => this.send<T>(call, request, token, context, readAs),
        (answer) => discard(answer.data),
      );
    this.tokens.regionRefusals.check(profile.name, region.name);
    let token = await this.tokens.getToken(profile);
    let response = await sendWith(token);
    if (response.status === 401) {
      // Our token was refused (revoked or expired early): drop it, get a new one, replay once.
      // Safe for writes too: bodies are buffered, so the replay sends the same bytes.
      this.logger.warn(
        `401 from ${region.name} for ${request.method} ${request.path}; replaying with a new token`,
      );
      discard(response.data);
      await this.tokens.invalidate(token);
      token = await this.tokens.getToken(profile);
      response = await sendWith(token);
      if (response.status === 401) {
        // Refused fresh: refetching per request would not help, so the region rests a while
        this.tokens.regionRefusals.refused(profile.name, region.name);
      }
    } else {
      this.tokens.regionRefusals.accepted(profile.name, region.name);
    }
    return { context, response };
  }

  private async send<T>(
    { region, requestId, signal: callerGone }: UpstreamCall,
    request: UpstreamRequest,
    token: AccessToken,
    context: UpstreamCallContext,
    readAs: ReadAs,
  ): Promise<TransportAnswer<T>> {
    // Lower-case names throughout: undici sends each key it is given, so two spellings would go twice
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': USER_AGENT,
    };
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      const lower = name.toLowerCase();
      // The pass-through allow-lists what it forwards; credentials are refused here too, so that
      // no other caller of this client can ever send its own beside the gateway's token
      if (!NEVER_FORWARDED.has(lower)) {
        headers[lower] = value;
      }
    }
    // Set last, so that nothing a caller sent can replace the gateway's own credentials
    headers.authorization = `Bearer ${token.value}`;
    headers['x-request-id'] = requestId;
    const span = this.tracer.startClient(
      currentRequestContext()?.trace,
      `${request.method} ${region.name}`,
      { 'http.request.method': request.method, 'server.address': region.name },
    );
    for (const [name, value] of Object.entries(span.headers)) {
      headers[name.toLowerCase()] = value;
    }
    if (request.body !== undefined) {
      headers['content-type'] = request.contentType ?? 'application/json';
    }
    // Streamed bodies go out as GreenLake sent them, so nothing is decompressed on the way
    headers['accept-encoding'] = readAs === 'stream' ? 'identity' : 'gzip, deflate, br';
    const startedAt = performance.now();
    const seconds = () => (performance.now() - startedAt) / 1000;
    const { timeoutMs, maxBodyBytes } = this.config.upstream;
    // undici's timeouts are idle timers: this deadline bounds the whole answer, body included (a
    // stream's body is the pass-through's, so only until headers)
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      const response = await this.transport.exchange<T>({
        baseUrl: region.baseUrl,
        method: request.method,
        path: request.path,
        query: request.query,
        rawQuery: request.rawQuery,
        headers,
        body: bodyOf(request.body),
        signal: callerGone ? AbortSignal.any([deadline.signal, callerGone]) : deadline.signal,
        timeoutMs,
        read: readAs,
        maxBodyBytes,
      });
      this.observe(region, request, response, seconds(), span);
      return response;
    } catch (error) {
      const mapped = mapTransportError(error, context, timeoutMs, callerGone?.aborted);
      const outcome = mapped.code === GatewayErrorCode.UPSTREAM_TIMEOUT ? 'timeout' : 'unreachable';
      this.metrics.upstreamRequest(region.name, request.method, outcome, seconds());
      span.end(outcome);
      throw mapped;
    } finally {
      clearTimeout(timer);
    }
  }

  // Metrics, the request's access line and GreenLake's retirement notices, for every answer
  private observe(
    region: RegionConfig,
    request: UpstreamRequest,
    response: TransportAnswer<unknown>,
    seconds: number,
    span: ClientSpan,
  ): void {
    span.end(response.status);
    this.metrics.upstreamRequest(region.name, request.method, response.status, seconds);
    noteUpstreamAnswer(response.status, Math.round(seconds * 1000));
    this.deprecations.observe(response.headers, request.method, request.path);
  }
}

/** Frees the socket of an answer that will not be read (a refused token's streamed 401). */
function discard(data: unknown): void {
  if (data !== null && typeof data === 'object' && 'destroy' in data) {
    releaseBody(data as Readable);
  }
}

/** What goes on the wire: bytes and text as they are, anything else as JSON. */
function bodyOf(body: unknown): string | Buffer | undefined {
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
    return body;
  }
  return JSON.stringify(body);
}
