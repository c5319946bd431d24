import { Module } from '@nestjs/common';
import { CacheModule } from 'src/cache/cache.module';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { DataServicesClient } from './data-services.client';
import { ResourceDefaultsService } from './resource-defaults.service';

/** What every Data Services resource module shares: the defaults in force and the calls upstream. */
@Module({
  imports: [UpstreamModule, CacheModule],
  providers: [ResourceDefaultsService, DataServicesClient],
  exports: [ResourceDefaultsService, DataServicesClient],
})
export class DataServicesModule {}
