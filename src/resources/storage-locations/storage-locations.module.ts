import { Module } from '@nestjs/common';
import { ResourcesCommonModule } from 'src/resources/common/resources-common.module';
import { StorageLocationsController } from './storage-locations.controller';
import { StorageLocationsService } from './storage-locations.service';

@Module({
  imports: [ResourcesCommonModule],
  controllers: [StorageLocationsController],
  providers: [StorageLocationsService],
})
export class StorageLocationsModule {}
