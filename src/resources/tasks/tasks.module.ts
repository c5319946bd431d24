import { Module } from '@nestjs/common';
import { ResourcesCommonModule } from 'src/resources/common/resources-common.module';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { TaskProgressModule } from './task-progress.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [UpstreamModule, ResourcesCommonModule, TaskProgressModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
