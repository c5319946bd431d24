import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { MetricsModule } from 'src/metrics/metrics.module';
import { UpstreamClient } from './upstream.client';

@Module({
  imports: [HttpModule, CredentialsModule, MetricsModule],
  providers: [UpstreamClient],
  exports: [UpstreamClient],
})
export class UpstreamModule {}
