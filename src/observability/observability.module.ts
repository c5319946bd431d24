import { Module } from '@nestjs/common';
import { MetricsModule } from 'src/metrics/metrics.module';
import { TracingModule } from 'src/tracing/tracing.module';
import { RequestObservabilityHook } from './request-observability.hook';

/** Request context, access log and HTTP metrics: bootstrap registers the hook on the server. */
@Module({
  imports: [MetricsModule, TracingModule],
  providers: [RequestObservabilityHook],
  exports: [RequestObservabilityHook],
})
export class ObservabilityModule {}
