import { Module } from '@nestjs/common';
import { ResourcesCommonModule } from 'src/resources/common/resources-common.module';
import { DualAuthOperationsController } from './dual-auth-operations.controller';
import { DualAuthOperationsService } from './dual-auth-operations.service';

@Module({
  imports: [ResourcesCommonModule],
  controllers: [DualAuthOperationsController],
  providers: [DualAuthOperationsService],
})
export class DualAuthOperationsModule {}
