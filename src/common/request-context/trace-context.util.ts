import { randomFillSync } from 'node:crypto';

/** The W3C trace context of one request (https://www.w3.org/TR/trace-context/). */
export interface TraceContext {
  /** 32 lowercase hex, never all zeros. */
  traceId: string;
  /** This hop's span: 16 lowercase hex. */
  spanId: string;
  /** The caller's span, when it sent a `traceparent`. */
  parentSpanId?: string;
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZEROS = /^0+$/;

// A randomBytes() call per id was 5% of a cache hit's CPU: ids are cut from a pooled buffer instead
const POOL = Buffer.alloc(4096);
let pooled = POOL.length;

function randomHex(bytes: number): string {
  if (pooled + bytes > POOL.length) {
    randomFillSync(POOL);
    pooled = 0;
  }
  pooled += bytes;
  return POOL.toString('hex', pooled - bytes, pooled);
}

export const newTraceId = (): string => randomHex(16);
export const newSpanId = (): string => randomHex(8);

/**
 * Continues a caller's `traceparent` (a new span of the same trace), or starts a trace when the
 * header is missing or malformed (version ff, all-zero ids and bad lengths are refused, as the spec says).
 */
export function traceContextFrom(traceparent: unknown): TraceContext {
  const match =
    typeof traceparent === 'string' ? TRACEPARENT.exec(traceparent.trim().toLowerCase()) : null;
  if (!match || match[1] === 'ff' || ALL_ZEROS.test(match[2]) || ALL_ZEROS.test(match[3])) {
    return { traceId: newTraceId(), spanId: newSpanId(), sampled: true };
  }
  return {
    traceId: match[2],
    spanId: newSpanId(),
    parentSpanId: match[3],
    sampled: (parseInt(match[4], 16) & 1) === 1,
  };
}

/**
 * The headers that carry a trace to GreenLake for one outgoing call (a child span of `trace`):
 * W3C `traceparent` and the B3 headers HPE's HTTP standard asks for.
 */
export function outgoingTraceHeaders(
  trace: TraceContext | undefined,
  spanId = newSpanId(),
  traceId = trace?.traceId ?? newTraceId(),
): Record<string, string> {
  const sampled = trace?.sampled ?? true;
  return {
    traceparent: `00-${traceId}-${spanId}-${sampled ? '01' : '00'}`,
    'X-B3-TraceId': traceId,
    'X-B3-SpanId': spanId,
    ...(trace ? { 'X-B3-ParentSpanId': trace.spanId } : {}),
    'X-B3-Sampled': sampled ? '1' : '0',
  };
}
