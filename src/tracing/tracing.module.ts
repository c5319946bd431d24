import { Module } from '@nestjs/common';
import { SpanTracer } from './span-tracer.service';

/** Trace propagation and optional OTLP export; a floor module (config and common only). */
@Module({
  providers: [SpanTracer],
  exports: [SpanTracer],
})
export class TracingModule {}
