import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CallCacheContext } from './call-cache-context.service';
import type { StoredAnswer } from './cache-store.type';
import { etagOf, ifNoneMatchHits } from './etag.util';
import { HitShortcutHook } from './hit-shortcut.hook';

/**
 * Writes X-Cache, Age and a strong ETag on the resource routes' 200s that the cache served, and
 * turns a matching If-None-Match into a bodiless 304. A Fastify onSend hook, because only there
 * are the exact bytes of the answer known (the ETag is their hash) and the status still free to
 * change (Nest sets the route's status after any interceptor). The pass-through writes its own.
 */
@Injectable()
export class CacheHeadersHook {
  constructor(
    private readonly context: CallCacheContext,
    private readonly shortcut: HitShortcutHook,
  ) {}

  register(fastify: FastifyInstance): void {
    fastify.addHook(
      'onSend',
      (request: FastifyRequest, reply: FastifyReply, payload: unknown, done) => {
        done(null, this.decorate(request, reply, payload));
      },
    );
  }

  private decorate(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const call = request.upstreamCall;
    const outcome = call && this.context.outcomeOf(call);
    if (!outcome || reply.statusCode !== 200 || typeof payload !== 'string') {
      return payload;
    }
    void reply.header('x-cache', outcome.result);
    if (outcome.result === 'HIT' || outcome.result === 'STALE') {
      void reply.header('age', String(outcome.ageSeconds));
    }
    this.shortcut.remember(request, payload, outcome);
    const etag = outcome.etag ?? etagOf(payload);
    void reply.header('etag', etag);
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      void reply.code(304).removeHeader('content-type').removeHeader('content-length');
      return null;
    }
    // The route answered the entry's own text (known-json.util): send the entry's bytes, encoded
    // once per entry rather than once per hit (the largest allocation of a hit)
    return outcome.answer && payload === outcome.answer.body ? bytesOf(outcome.answer) : payload;
  }
}

const encodedBodies = new WeakMap<StoredAnswer, Buffer>();

function bytesOf(answer: StoredAnswer): Buffer {
  let bytes = encodedBodies.get(answer);
  if (!bytes) {
    bytes = Buffer.from(answer.body, 'utf8');
    encodedBodies.set(answer, bytes);
  }
  return bytes;
}
