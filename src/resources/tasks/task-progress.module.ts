import { Module } from '@nestjs/common';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { TaskEventsService } from './task-events.service';
import { TaskPoller } from './task-poller.service';
import { TaskProgressController } from './task-progress.controller';
import { TaskWaitService } from './task-wait.service';

/** `/tasks/{id}/wait` and `/tasks/{id}/events`: following GreenLake tasks until they settle. */
@Module({
  imports: [UpstreamModule],
  controllers: [TaskProgressController],
  providers: [TaskPoller, TaskWaitService, TaskEventsService],
  exports: [TaskWaitService],
})
export class TaskProgressModule {}
