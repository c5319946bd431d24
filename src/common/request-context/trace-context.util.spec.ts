import {
  newSpanId,
  newTraceId,
  outgoingTraceHeaders,
  traceContextFrom,
} from './trace-context.util';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('newTraceId and newSpanId', () => {
  it('give well-formed ids that never repeat, across many refills of their pool', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => (i % 2 ? newTraceId() : newSpanId()));
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id, i) => expect(id).toMatch(i % 2 ? /^[0-9a-f]{32}$/ : /^[0-9a-f]{16}$/));
  });
});

describe('traceContextFrom', () => {
  it("continues a caller's traceparent with a new span", () => {
    const context = traceContextFrom(`00-${TRACE}-00f067aa0ba902b7-01`);
    expect(context).toMatchObject({
      traceId: TRACE,
      parentSpanId: '00f067aa0ba902b7',
      sampled: true,
    });
    expect(context.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(context.spanId).not.toBe('00f067aa0ba902b7');
  });

  it('keeps the sampled flag off when the caller does not sample', () => {
    expect(traceContextFrom(`00-${TRACE}-00f067aa0ba902b7-00`).sampled).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['garbage', 'not-a-traceparent'],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['an all-zero span id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE}-00f067aa0ba902b7-01`],
    ['a short trace id', `00-${TRACE.slice(2)}-00f067aa0ba902b7-01`],
  ])('starts a new trace when the header is %s', (_label, header) => {
    const context = traceContextFrom(header);
    expect(context.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(context.traceId).not.toBe(TRACE);
    expect(context.parentSpanId).toBeUndefined();
  });
});

describe('outgoingTraceHeaders', () => {
  it('sends traceparent and B3 headers of one new child span', () => {
    const parent = traceContextFrom(`00-${TRACE}-00f067aa0ba902b7-01`);
    const headers = outgoingTraceHeaders(parent);
    const spanId = headers['X-B3-SpanId'];
    expect(headers).toEqual({
      traceparent: `00-${TRACE}-${spanId}-01`,
      'X-B3-TraceId': TRACE,
      'X-B3-SpanId': spanId,
      'X-B3-ParentSpanId': parent.spanId,
      'X-B3-Sampled': '1',
    });
    expect(spanId).not.toBe(parent.spanId);
  });

  it('starts a trace for background work (no request)', () => {
    const headers = outgoingTraceHeaders(undefined);
    expect(headers['X-B3-TraceId']).toMatch(/^[0-9a-f]{32}$/);
    expect(headers.traceparent).toBe(`00-${headers['X-B3-TraceId']}-${headers['X-B3-SpanId']}-01`);
  });
});
