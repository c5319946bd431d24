import { Module } from '@nestjs/common';
import { RedisModule } from 'src/redis/redis.module';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { taskCoordinationProvider } from './hub/task-coordination.provider';
import { TaskHub } from './hub/task-hub.service';
import { TaskEventsService } from './task-events.service';
import { TaskProgressController } from './task-progress.controller';
import { TaskWaitService } from './task-wait.service';

/** `/tasks/{id}/wait`, `/tasks/{id}/events`: following GreenLake tasks, one poller per task. */
@Module({
  imports: [UpstreamModule, RedisModule],
  controllers: [TaskProgressController],
  providers: [taskCoordinationProvider, TaskHub, TaskWaitService, TaskEventsService],
  exports: [TaskHub],
})
export class TaskProgressModule {}
