import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { MetricsModule } from 'src/metrics/metrics.module';
import { TracingModule } from 'src/tracing/tracing.module';
import { UpstreamClient } from './upstream.client';

@Module({
  imports: [HttpModule, CredentialsModule, MetricsModule, TracingModule],
  providers: [UpstreamClient],
  exports: [UpstreamClient],
})
export class UpstreamModule {}
