import { Injectable, Logger } from '@nestjs/common';
import type { Method } from 'axios';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditEntry } from 'src/audit/audit-entry.type';
import { Caller } from 'src/common/access/caller.type';
import { GatewayError } from 'src/common/errors/gateway-error';
import { RegionConfig } from 'src/config/gateway-config.type';
import { acceptedTaskOf } from 'src/proxy/accepted-task.mapper';
import { UpstreamClient, UpstreamStreamResponse } from 'src/upstream/upstream.client';
import { pickForwardedRequestHeaders } from 'src/upstream/upstream-headers.util';
import { passThroughBodyOf } from './pass-through-body.util';
import { proxyTargetOf } from './proxy-path.util';

// Statuses that never carry a body
const BODYLESS_STATUSES = new Set([204, 205, 304]);

/**
 * Forwards one caller request to the same path on the region's GreenLake host, with the gateway's
 * token, and streams the answer back with the safe headers. A 202 that names a task becomes the
 * gateway's task links; statuses from 400 up become the gateway's error shape (in UpstreamClient).
 */
@Injectable()
export class ProxyService {
  private readonly logger = new Logger(ProxyService.name);

  constructor(private readonly upstream: UpstreamClient) {}

  async forward(
    region: string,
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
  ): Promise<void> {
    // Checked before anything is sent: the raw target, before any decoding
    const target = proxyTargetOf(request.url);
    const body = passThroughBodyOf(request);
    const answer = await this.upstream
      .stream({
        region,
        method: request.method as Method,
        path: target.path,
        rawQuery: target.rawQuery,
        body: body?.bytes,
        contentType: body && (body.contentType ?? 'application/octet-stream'),
        headers: pickForwardedRequestHeaders(request.headers),
        caller,
        requestId: request.id,
      })
      .catch((error: unknown) => {
        if (error instanceof GatewayError && error.upstream) {
          audit(request, { upstreamStatus: error.upstream.status });
        }
        throw error;
      });
    audit(request, { region: answer.region.name, upstreamStatus: answer.status });
    this.logger.debug(
      `${request.method} ${answer.region.name} ${target.path} -> ${answer.status} (caller ${caller.name}, request ${request.id})`,
    );
    const accepted = acceptedTaskOf(answer.status, answer.headers, answer.region.name);
    if (accepted) {
      // GreenLake's `{}` (or Block Storage's taskResponse) is replaced by the gateway's task links
      answer.body.destroy();
      await reply
        .status(202)
        .headers({ ...withoutBodyHeaders(answer.headers), location: accepted.taskUrl })
        .type('application/json; charset=utf-8')
        .send(accepted);
      return;
    }
    const headers = rewriteLocation(answer, answer.region);
    if (BODYLESS_STATUSES.has(answer.status)) {
      answer.body.destroy();
      await reply.status(answer.status).headers(headers).send();
      return;
    }
    await reply.status(answer.status).headers(headers).send(answer.body);
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
  answer: UpstreamStreamResponse,
  region: RegionConfig,
): Record<string, string> {
  const location = answer.headers.location;
  if (location === undefined) {
    return answer.headers;
  }
  const base = new URL(region.baseUrl);
  let resolved: URL;
  try {
    resolved = new URL(location, base);
  } catch {
    const rest = { ...answer.headers };
    delete rest.location;
    return rest;
  }
  if (resolved.origin !== base.origin) {
    return answer.headers;
  }
  // A region whose base URL has a path (behind a reverse proxy) keeps it out of the gateway path
  const basePath = base.pathname.replace(/\/+$/, '');
  const pathname =
    basePath && resolved.pathname.startsWith(`${basePath}/`)
      ? resolved.pathname.slice(basePath.length)
      : resolved.pathname;
  const path = `${pathname}${resolved.search}`.replace(/^\/+/, '');
  return {
    ...answer.headers,
    location: `/v1/regions/${encodeURIComponent(region.name)}/proxy/${path}`,
  };
}
