import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { MetricsModule } from 'src/metrics/metrics.module';
import { RedisModule } from 'src/redis/redis.module';
import { ProfileRegistry } from './profile-registry.service';
import { TokenCacheRepository } from './token-cache.repository';
import { TokenEndpointClient } from './token-endpoint.client';
import { TokenService } from './token.service';

@Module({
  imports: [HttpModule, RedisModule, MetricsModule],
  providers: [ProfileRegistry, TokenEndpointClient, TokenCacheRepository, TokenService],
  exports: [ProfileRegistry, TokenService],
})
export class CredentialsModule {}
