import { Module } from '@nestjs/common';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { RegionsController } from './regions.controller';

@Module({
  imports: [UpstreamModule],
  controllers: [RegionsController],
})
export class RegionsModule {}
