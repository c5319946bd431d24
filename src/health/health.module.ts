import { Module } from '@nestjs/common';
import { CacheModule } from 'src/cache/cache.module';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [CacheModule, CredentialsModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
