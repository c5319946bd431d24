import { Module } from '@nestjs/common';
import { DataServicesModule } from 'src/resources/data-services/data-services.module';
import { SoftwareReleasesController } from './software-releases.controller';
import { SoftwareReleasesService } from './software-releases.service';

@Module({
  imports: [DataServicesModule],
  controllers: [SoftwareReleasesController],
  providers: [SoftwareReleasesService],
  exports: [SoftwareReleasesService],
})
export class SoftwareReleasesModule {}
