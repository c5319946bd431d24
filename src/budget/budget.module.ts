import { Module } from '@nestjs/common';
import { MetricsModule } from 'src/metrics/metrics.module';
import { RedisModule } from 'src/redis/redis.module';
import { BudgetGate } from './budget-gate.service';
import { BudgetLedgerRepository } from './budget-ledger.repository';
import { BudgetMetrics } from './budget-metrics.service';
import { RegionBreakers } from './region-breakers';

@Module({
  imports: [RedisModule, MetricsModule],
  providers: [BudgetGate, BudgetLedgerRepository, BudgetMetrics, RegionBreakers],
  exports: [BudgetGate, BudgetMetrics],
})
export class BudgetModule {}
