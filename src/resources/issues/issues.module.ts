import { Module } from '@nestjs/common';
import { ResourcesCommonModule } from 'src/resources/common/resources-common.module';
import { IssuesController } from './issues.controller';
import { IssuesService } from './issues.service';

@Module({
  imports: [ResourcesCommonModule],
  controllers: [IssuesController],
  providers: [IssuesService],
})
export class IssuesModule {}
