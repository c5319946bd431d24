import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  Attributes,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
  Tracer,
} from '@opentelemetry/api';
import type { BasicTracerProvider } from '@opentelemetry/sdk-trace-node';
import { APP_VERSION } from 'src/common/app-version';
import {
  outgoingTraceHeaders,
  TraceContext,
  traceContextFrom,
} from 'src/common/request-context/trace-context.util';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';

export interface ServerSpan {
  trace: TraceContext;
  end(status: number, attributes?: Attributes): void;
}

export interface ClientSpan {
  /** `traceparent` and the B3 headers of this call. */
  headers: Record<string, string>;
  end(status: number | string): void;
}

/**
 * Trace context for requests and GreenLake calls. Propagation (W3C `traceparent`, B3) always works;
 * spans are exported over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and then the ids
 * that are logged and sent are those of the exported spans. A floor module (config and common).
 */
@Injectable()
export class SpanTracer implements OnApplicationShutdown {
  private readonly provider?: BasicTracerProvider;
  private readonly tracer?: Tracer;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    if (config.otlpEndpoint) {
      // Loaded only when export is configured: the SDK and exporter are large for every start
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { OTLPTraceExporter } =
        require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
      const { BasicTracerProvider, BatchSpanProcessor } =
        require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const exporter = new OTLPTraceExporter({
        url: `${config.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`,
      });
      this.provider = new BasicTracerProvider({
        spanProcessors: [new BatchSpanProcessor(exporter)],
      });
      this.tracer = this.provider.getTracer('greenlake-gateway', APP_VERSION);
    }
  }

  /** The span of one request: continues the caller's `traceparent`, or starts a trace. */
  startServer(traceparent: unknown, name: string): ServerSpan {
    const incoming = traceContextFrom(traceparent);
    if (!this.tracer) {
      return { trace: incoming, end: () => undefined };
    }
    const parent = incoming.parentSpanId
      ? trace.setSpanContext(ROOT_CONTEXT, {
          traceId: incoming.traceId,
          spanId: incoming.parentSpanId,
          traceFlags: incoming.sampled ? 1 : 0,
          isRemote: true,
        })
      : ROOT_CONTEXT;
    const span = this.tracer.startSpan(name, { kind: SpanKind.SERVER }, parent);
    const { traceId, spanId } = span.spanContext();
    return {
      trace: { ...incoming, traceId, spanId },
      end: (status, attributes = {}) =>
        finish(span, status, { ...attributes, 'http.response.status_code': status }),
    };
  }

  /** The span of one call to GreenLake, a child of the request's span (or a new trace). */
  startClient(parent: TraceContext | undefined, name: string, attributes: Attributes): ClientSpan {
    if (!this.tracer) {
      return { headers: outgoingTraceHeaders(parent), end: () => undefined };
    }
    const context = parent
      ? trace.setSpanContext(ROOT_CONTEXT, {
          traceId: parent.traceId,
          spanId: parent.spanId,
          traceFlags: parent.sampled ? 1 : 0,
        })
      : ROOT_CONTEXT;
    const span = this.tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, context);
    const { traceId, spanId } = span.spanContext();
    return {
      headers: outgoingTraceHeaders(parent, spanId, traceId),
      end: (status) =>
        finish(span, typeof status === 'number' ? status : 599, {
          ...(typeof status === 'number'
            ? { 'http.response.status_code': status }
            : { 'error.type': status }),
        }),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // Flushes what is batched: the last spans of a draining replica are not lost
    await this.provider?.shutdown();
  }
}

function finish(span: Span, status: number, attributes: Attributes): void {
  span.setAttributes(attributes);
  if (status >= 500) {
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}
