import { Module } from '@nestjs/common';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [UpstreamModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
