import { Module } from '@nestjs/common';
import { DataServicesModule } from 'src/resources/data-services/data-services.module';
import { IssuesController } from './issues.controller';
import { IssuesService } from './issues.service';

@Module({
  imports: [DataServicesModule],
  controllers: [IssuesController],
  providers: [IssuesService],
  exports: [IssuesService],
})
export class IssuesModule {}
