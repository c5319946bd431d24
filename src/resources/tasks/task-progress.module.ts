import { Module } from '@nestjs/common';
import { BudgetMetrics } from 'src/budget/budget-metrics.service';
import { BudgetModule } from 'src/budget/budget.module';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { MetricsModule } from 'src/metrics/metrics.module';
import { RedisModule } from 'src/redis/redis.module';
import { RegionsModule } from 'src/regions/regions.module';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { callbackStoreProvider } from './callbacks/callback-store.provider';
import { TaskCallbacksController } from './callbacks/task-callbacks.controller';
import { TaskCallbacksService } from './callbacks/task-callbacks.service';
import { taskCoordinationProvider } from './hub/task-coordination.provider';
import { TASK_BUDGET_SIGNAL } from './hub/task-budget-signal';
import { TaskHub } from './hub/task-hub.service';
import { TaskEventsService } from './task-events.service';
import { TaskProgressController } from './task-progress.controller';
import { TaskWaitService } from './task-wait.service';

/** `/wait`, `/events` and callbacks: following GreenLake tasks, one poller per task. */
@Module({
  imports: [
    UpstreamModule,
    RedisModule,
    RegionsModule,
    CredentialsModule,
    BudgetModule,
    MetricsModule,
  ],
  controllers: [TaskProgressController, TaskCallbacksController],
  providers: [
    // Polls slow down while GreenLake's budget for the task's profile and region is scarce
    { provide: TASK_BUDGET_SIGNAL, useExisting: BudgetMetrics },
    taskCoordinationProvider,
    TaskHub,
    TaskWaitService,
    TaskEventsService,
    callbackStoreProvider,
    TaskCallbacksService,
  ],
  exports: [TaskHub, TaskWaitService],
})
export class TaskProgressModule {}
