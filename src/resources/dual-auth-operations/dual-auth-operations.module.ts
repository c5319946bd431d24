import { Module } from '@nestjs/common';
import { DataServicesModule } from 'src/resources/data-services/data-services.module';
import { DualAuthOperationsController } from './dual-auth-operations.controller';
import { DualAuthOperationsService } from './dual-auth-operations.service';

@Module({
  imports: [DataServicesModule],
  controllers: [DualAuthOperationsController],
  providers: [DualAuthOperationsService],
  exports: [DualAuthOperationsService],
})
export class DualAuthOperationsModule {}
