import { Module } from '@nestjs/common';
import { BudgetModule } from 'src/budget/budget.module';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { MetricsModule } from 'src/metrics/metrics.module';
import { TracingModule } from 'src/tracing/tracing.module';
import { UpstreamClient } from './upstream.client';

@Module({
  imports: [CredentialsModule, BudgetModule, MetricsModule, TracingModule],
  providers: [UpstreamClient],
  exports: [UpstreamClient],
})
export class UpstreamModule {}
