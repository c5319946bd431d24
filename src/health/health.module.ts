import { Module } from '@nestjs/common';
import { RedisModule } from 'src/redis/redis.module';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [RedisModule, CredentialsModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
