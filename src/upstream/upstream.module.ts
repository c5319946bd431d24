import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { RegionRegistry } from 'src/regions/region-registry.service';
import { UpstreamClient } from './upstream.client';

@Module({
  imports: [HttpModule, CredentialsModule],
  providers: [RegionRegistry, UpstreamClient],
  exports: [RegionRegistry, UpstreamClient],
})
export class UpstreamModule {}
