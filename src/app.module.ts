import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { GatewayExceptionFilter } from './common/errors/gateway-exception.filter';
import { GatewayConfigModule } from './config/config.module';
import { GatewayConfig } from './config/gateway-config.type';
import { HealthModule } from './health/health.module';
import { RegionsModule } from './regions/regions.module';
import { TasksModule } from './resources/tasks/tasks.module';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        GatewayConfigModule.forRoot(config),
        AuthModule,
        HealthModule,
        RegionsModule,
        TasksModule,
      ],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
          }),
        },
        GatewayExceptionFilter,
        { provide: APP_FILTER, useExisting: GatewayExceptionFilter },
      ],
    };
  }
}
