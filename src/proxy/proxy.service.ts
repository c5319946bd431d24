import { Injectable, Logger } from '@nestjs/common';
import type { Method } from 'axios';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { AuditEntry } from 'src/audit/audit-entry.type';
import { GatewayError } from 'src/common/errors/gateway-error';
import { RegionConfig } from 'src/config/gateway-config.type';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { UpstreamClient, type UpstreamStreamResponse } from 'src/upstream/upstream.client';
import { acceptedTaskOf } from './accepted-task.mapper';
import { CachedPassThrough } from './cached-pass-through.service';
import type { AcceptedTaskResponseDto } from './dto/accepted-task-response.dto';
import { passThroughBodyOf } from './pass-through-body.util';
import { pickForwardedRequestHeaders, pickSafeResponseHeaders } from './pass-through-headers.util';
import { proxyTargetOf } from './proxy-path.util';
import { proxyUrlFor } from './proxy-route';
import { releaseBody } from 'src/upstream/stream-body.util';

/** What the pass-through answers: GreenLake's status, the safe headers and a body to stream. */
export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  /** Undefined for statuses without a body (204, 205, 304); a string is a cached JSON answer. */
  body?: Readable | AcceptedTaskResponseDto | string;
}

// Statuses that never carry a body
const BODYLESS_STATUSES = new Set([204, 205, 304]);

/**
 * Forwards one caller request to the same path on the region's GreenLake host, with the gateway's
 * token, and hands back what the caller gets: the safe headers and the streamed body. A 202 that
 * names a task becomes the gateway's task links; statuses from 400 up become the gateway's error
 * shape (in UpstreamClient).
 */
@Injectable()
export class ProxyService {
  private readonly logger = new Logger(ProxyService.name);

  constructor(
    private readonly upstream: UpstreamClient,
    private readonly cached: CachedPassThrough,
  ) {}

  async forward(call: UpstreamCall, request: FastifyRequest): Promise<ProxyAnswer> {
    // Checked before anything is sent: the raw target, before any decoding
    const target = proxyTargetOf(request.url);
    const body = passThroughBodyOf(request);
    const send = (headers: Record<string, string>) =>
      this.upstream
        .stream(call, {
          method: request.method as Method,
          path: target.path,
          rawQuery: target.rawQuery,
          body: body?.bytes,
          contentType: body && (body.contentType ?? 'application/octet-stream'),
          headers,
        })
        .then(
          (answer) => {
            audit(request, { upstreamStatus: answer.status });
            return answer;
          },
          (error: unknown) => {
            if (error instanceof GatewayError && error.upstream) {
              audit(request, { upstreamStatus: error.upstream.status });
            }
            throw error;
          },
        );
    const forwarded = pickForwardedRequestHeaders(request.headers);
    let answer: UpstreamStreamResponse;
    if (request.method === 'GET') {
      const cached = await this.cached.get(call, request, target, send, forwarded);
      if (cached && !('streamed' in cached)) {
        return cached;
      }
      answer = cached ? cached.streamed : await send(forwarded);
    } else if (request.method === 'HEAD') {
      answer = await send(forwarded);
    } else {
      try {
        answer = await send(forwarded);
      } finally {
        await this.cached.invalidateAfterWrite(call, target);
      }
    }
    this.logger.debug(
      `${request.method} ${call.region.name} ${target.path} -> ${answer.status} (caller ${call.caller.name}, request ${call.requestId})`,
    );
    const headers = pickSafeResponseHeaders(answer.headers);
    const accepted = acceptedTaskOf(answer.status, headers, call.region.name);
    if (accepted) {
      // GreenLake's `{}` (or Block Storage's taskResponse) is replaced by the gateway's task links
      releaseBody(answer.body);
      return {
        status: 202,
        headers: { ...withoutBodyHeaders(headers), location: accepted.taskUrl },
        body: accepted,
      };
    }
    if (BODYLESS_STATUSES.has(answer.status)) {
      releaseBody(answer.body);
      return { status: answer.status, headers: rewriteLocation(headers, call.region) };
    }
    return {
      status: answer.status,
      headers: rewriteLocation(headers, call.region),
      body: answer.body,
    };
  }
}

/** What GreenLake answered, for the audit line of a proxied write. */
function audit(request: FastifyRequest, entry: Partial<AuditEntry>): void {
  request.auditContext = { ...request.auditContext, ...entry };
}

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  const rest = { ...headers };
  delete rest['content-type'];
  delete rest['content-length'];
  delete rest['content-encoding'];
  return rest;
}

/**
 * A Location on GreenLake's own host (relative, as GreenLake sends them, or absolute) points the
 * caller at the same path through the gateway; a Location elsewhere (a signed download link) is
 * passed on unchanged.
 */
function rewriteLocation(
  headers: Record<string, string>,
  region: RegionConfig,
): Record<string, string> {
  const location = headers.location;
  if (location === undefined) {
    return headers;
  }
  const base = new URL(region.baseUrl);
  let resolved: URL;
  try {
    resolved = new URL(location, base);
  } catch {
    const rest = { ...headers };
    delete rest.location;
    return rest;
  }
  if (resolved.origin !== base.origin) {
    return headers;
  }
  // A region whose base URL has a path (behind a reverse proxy) keeps it out of the gateway path
  const basePath = base.pathname.replace(/\/+$/, '');
  const pathname =
    basePath && resolved.pathname.startsWith(`${basePath}/`)
      ? resolved.pathname.slice(basePath.length)
      : resolved.pathname;
  const path = `${pathname}${resolved.search}`.replace(/^\/+/, '');
  return { ...headers, location: proxyUrlFor(region.name, path) };
}
