import { Module } from '@nestjs/common';
import { DataServicesModule } from 'src/resources/data-services/data-services.module';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { TaskProgressModule } from './task-progress.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [UpstreamModule, DataServicesModule, TaskProgressModule],
  controllers: [TasksController],
  providers: [TasksService],
  exports: [TasksService, TaskProgressModule],
})
export class TasksModule {}
