import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { canonicalRequestOf } from 'src/cache/cache-key.util';
import { generationOf, ifNoneMatchHits } from 'src/cache/etag.util';
import { wantsRefresh } from 'src/common/http/cache-control.util';
import { passThroughScopeOf } from 'src/cache/pass-through-scope.util';
import { ResponseCacheService } from 'src/cache/response-cache.service';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { UpstreamStreamResponse } from 'src/upstream/upstream.client';
import type { ProxyTarget } from './proxy-path.util';
import { releaseBody } from 'src/upstream/stream-body.util';

/** A cached GET's answer, ready for the caller: the stored body, or a 304. */
export interface CachedPassThroughAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body?: string;
}

// Request headers that change GreenLake's representation: such a GET goes past the cache
const VARYING_REQUEST_HEADERS = ['accept-language', 'if-match', 'if-unmodified-since', 'range'];
// What a HIT repeats of GreenLake's answer; its own etag, cache and budget headers are not the entry's
const STORED_RESPONSE_HEADERS = ['content-type', 'deprecation', 'sunset', 'link'];

/**
 * The pass-through's side of the response cache: GETs of a Data Services resource path share the
 * resource routes' TTL and entries (same canonical upstream request), other families' GETs are
 * cached only with GATEWAY_PROXY_CACHE_TTL_SECONDS; answers are buffered only when they are JSON
 * within GATEWAY_CACHE_MAX_ENTRY_BYTES (anything else streams as before). Writes void their scope.
 */
@Injectable()
export class CachedPassThrough {
  constructor(
    private readonly cache: ResponseCacheService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * A cacheable GET's answer (HIT, 304, or a MISS fetched through `send`); `{ streamed }` with
   * GreenLake's own answer when it is not one to keep; undefined when the GET is not cached at all.
   */
  async get(
    call: UpstreamCall,
    request: FastifyRequest,
    target: ProxyTarget,
    send: (headers: Record<string, string>) => Promise<UpstreamStreamResponse>,
    forwarded: Record<string, string>,
  ): Promise<CachedPassThroughAnswer | { streamed: UpstreamStreamResponse } | undefined> {
    const scope = passThroughScopeOf(target.path);
    if (!scope || !this.cache.caches(this.cache.ttlSecondsOf(scope.catalog))) {
      return undefined;
    }
    if (VARYING_REQUEST_HEADERS.some((name) => request.headers[name] !== undefined)) {
      return undefined;
    }
    const accept = forwarded.accept;
    if (accept !== undefined && !/(^|[,\s])application\/(json|\*)|\*\/\*/i.test(accept)) {
      return undefined;
    }
    // The caller's If-None-Match is for the gateway's ETag; GreenLake's own 304 could not be stored
    const headers = without(forwarded, ['if-none-match', 'if-modified-since']);
    const maxBytes = this.config.cache.maxEntryBytes;
    const cached = await this.cache.fetch<UpstreamStreamResponse>(
      {
        scope: { profile: call.profile.name, region: call.region.name, resource: scope.resource },
        request: canonicalRequestOf(target.path, target.rawQuery),
        ttlSeconds: this.cache.ttlSecondsOf(scope.catalog),
        refresh: wantsRefresh(request.headers),
      },
      async () => {
        const answer = await send(headers);
        const contentType = headerText(answer.headers['content-type']);
        const declared = Number(answer.headers['content-length'] ?? 0);
        if (answer.status !== 200 || !/json/i.test(contentType) || declared > maxBytes) {
          return { kind: 'other', value: answer };
        }
        const read = await bufferUpTo(answer.body, maxBytes);
        if ('rest' in read) {
          return { kind: 'other', value: { ...answer, body: read.rest } };
        }
        const body = read.bytes.toString('utf8');
        return {
          kind: 'answer',
          answer: {
            body,
            headers: storedHeadersOf(answer.headers),
            generation: scope.item ? generationOfText(body) : undefined,
          },
        };
      },
      // A background refresh that met an answer it cannot keep: nobody reads that stream
      (unkept) => releaseBody(unkept.body),
    );
    if (cached.kind === 'other') {
      return { streamed: cached.value };
    }
    const { answer } = cached;
    const replyHeaders: Record<string, string> = {
      ...answer.headers,
      etag: answer.etag,
      'x-cache': cached.result,
    };
    if (cached.result === 'HIT' || cached.result === 'STALE') {
      replyHeaders.age = String(cached.ageSeconds);
    }
    if (ifNoneMatchHits(request.headers['if-none-match'], answer.etag)) {
      return { status: 304, headers: without(replyHeaders, ['content-type']) };
    }
    return { status: 200, headers: replyHeaders, body: answer.body };
  }

  /** A pass-through write voids its resource's (or collection's) cached answers. */
  async invalidateAfterWrite(call: UpstreamCall, target: ProxyTarget): Promise<void> {
    const scope = passThroughScopeOf(target.path);
    if (!scope || !this.cache.enabled) {
      return;
    }
    await this.cache.invalidate({
      profile: call.profile.name,
      region: call.region.name,
      resource: scope.resource,
    });
  }
}

function without(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}

const headerText = (value: unknown): string => (typeof value === 'string' ? value : '');

function storedHeadersOf(headers: Record<string, unknown>): Record<string, string> {
  const stored: Record<string, string> = {};
  for (const name of STORED_RESPONSE_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') {
      stored[name] = value;
    }
  }
  return stored;
}

function generationOfText(body: string): string | undefined {
  try {
    return generationOf(JSON.parse(body));
  } catch {
    return undefined;
  }
}

/**
 * The whole body when it ends within `maxBytes`; else a stream of everything (what was read, then
 * the rest), so that a large answer still reaches the caller unbuffered.
 */
async function bufferUpTo(
  body: Readable,
  maxBytes: number,
): Promise<{ bytes: Buffer } | { rest: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      return { bytes: Buffer.concat(chunks) };
    }
    chunks.push(next.value);
    size += next.value.length;
    if (size > maxBytes) {
      return { rest: Readable.from(rejoin(chunks, iterator, body)) };
    }
  }
}

async function* rejoin(
  read: Buffer[],
  iterator: AsyncIterator<Buffer>,
  source: Readable,
): AsyncGenerator<Buffer> {
  try {
    yield* read;
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        return;
      }
      yield next.value;
    }
  } finally {
    // The caller went away early: the upstream socket goes too
    releaseBody(source);
  }
}
