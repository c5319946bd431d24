import { Module } from '@nestjs/common';
import { DeprecationNotices } from './deprecation-notices.service';
import { GatewayMetrics } from './gateway-metrics.service';
import { MetricsController } from './metrics.controller';

/**
 * Prometheus metrics at /metrics. A floor module (it imports only config and common): upstream/,
 * credentials/, cache/, budget/ and the task hub inject GatewayMetrics and call its typed methods.
 */
@Module({
  controllers: [MetricsController],
  providers: [GatewayMetrics, DeprecationNotices],
  exports: [GatewayMetrics, DeprecationNotices],
})
export class MetricsModule {}
