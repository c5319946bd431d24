import { Module } from '@nestjs/common';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { RegionRegistry } from './region-registry.service';
import { RegionsController } from './regions.controller';
import { UpstreamCallGuard } from './upstream-call.guard';
import { UpstreamCallResolver } from './upstream-call.resolver';

/** The configured regions, and the guard that resolves every `:region` route's call at the edge. */
@Module({
  imports: [CredentialsModule],
  controllers: [RegionsController],
  providers: [RegionRegistry, UpstreamCallResolver, UpstreamCallGuard],
  exports: [RegionRegistry, UpstreamCallResolver, UpstreamCallGuard],
})
export class RegionsModule {}
