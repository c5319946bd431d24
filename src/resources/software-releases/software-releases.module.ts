import { Module } from '@nestjs/common';
import { ResourcesCommonModule } from 'src/resources/common/resources-common.module';
import { SoftwareReleasesController } from './software-releases.controller';
import { SoftwareReleasesService } from './software-releases.service';

@Module({
  imports: [ResourcesCommonModule],
  controllers: [SoftwareReleasesController],
  providers: [SoftwareReleasesService],
})
export class SoftwareReleasesModule {}
