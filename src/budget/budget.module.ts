import { Module } from '@nestjs/common';
import { RedisModule } from 'src/redis/redis.module';
import { BudgetGate } from './budget-gate.service';
import { BudgetLedgerRepository } from './budget-ledger.repository';
import { BudgetMetrics } from './budget-metrics.service';
import { RegionBreakers } from './region-breakers';

@Module({
  imports: [RedisModule],
  providers: [BudgetGate, BudgetLedgerRepository, BudgetMetrics, RegionBreakers],
  exports: [BudgetGate, BudgetMetrics],
})
export class BudgetModule {}
