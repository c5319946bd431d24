import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CallerAuthGuard } from './auth/caller-auth.guard';
import { GatewayExceptionFilter } from './common/errors/gateway-exception.filter';
import { validationException } from './common/errors/validation-messages.util';
import { RememberingValidationPipe } from './common/validation/remembering-validation.pipe';
import { GatewayConfigModule } from './config/config.module';
import { GatewayConfig } from './config/gateway-config.type';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { ObservabilityModule } from './observability/observability.module';
import { McpModule } from './mcp/mcp.module';
import { ProxyModule } from './proxy/proxy.module';
import { CallerThrottlerGuard } from './rate-limit/caller-throttler.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RegionsModule } from './regions/regions.module';
import { UpstreamCallGuard } from './regions/upstream-call.guard';
import { DualAuthOperationsModule } from './resources/dual-auth-operations/dual-auth-operations.module';
import { IssuesModule } from './resources/issues/issues.module';
import { SecretsModule } from './resources/secrets/secrets.module';
import { SettingsModule } from './resources/settings/settings.module';
import { SoftwareReleasesModule } from './resources/software-releases/software-releases.module';
import { StorageLocationsModule } from './resources/storage-locations/storage-locations.module';
import { TagsModule } from './resources/tags/tags.module';
import { TasksModule } from './resources/tasks/tasks.module';
import { TokenBrokerModule } from './token-broker/token-broker.module';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        GatewayConfigModule.forRoot(config),
        AuthModule,
        AuditModule,
        RateLimitModule,
        HealthModule,
        MetricsModule,
        ObservabilityModule,
        ProxyModule,
        RegionsModule,
        TasksModule,
        IssuesModule,
        SecretsModule,
        SoftwareReleasesModule,
        StorageLocationsModule,
        TagsModule,
        SettingsModule,
        DualAuthOperationsModule,
        TokenBrokerModule,
        McpModule,
      ],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new RememberingValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: validationException,
            // The DTO instance, so that an unknown parameter can be matched to the known ones
            validationError: { target: true, value: true },
          }),
        },
        GatewayExceptionFilter,
        { provide: APP_FILTER, useExisting: GatewayExceptionFilter },
        // Global guards run in this order: who is calling (and may they), how often, then which
        // region and credential profile serve the call (refused here, before any handler runs)
        { provide: APP_GUARD, useExisting: CallerAuthGuard },
        { provide: APP_GUARD, useExisting: CallerThrottlerGuard },
        { provide: APP_GUARD, useExisting: UpstreamCallGuard },
      ],
    };
  }
}
