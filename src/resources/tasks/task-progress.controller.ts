import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { TaskParamsDto } from './dto/task-params.dto';
import { TaskProgressEventDto } from './dto/task-progress-event.dto';
import { TaskResponseDto } from './dto/task-response.dto';
import { MAX_WAIT_SECONDS, WaitForTaskQueryDto } from './dto/wait-for-task-query.dto';
import { TaskEventsService } from './task-events.service';
import { TaskWaitService } from './task-wait.service';

const DEFAULT_WAIT_SECONDS = 30;

const ENDED =
  'SUCCEEDED, FAILED or CANCELLED (TIMEDOUT and PAUSED do not end a task: GreenLake may retry, or a person may act through `additionalDetails.consoleUri`; a task reporting `status` instead of `state` is read the same way)';

const SCHEDULE =
  "One poller per task serves every waiter (across replicas with Redis): first poll TASK_POLL_MIN_MS after the first read, then doubling up to the task's suggestedPollingIntervalSeconds (bounded by TASK_POLL_MAX_MS), slower while the GreenLake budget is scarce.";

@ApiTags('Tasks')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@ApiExtraModels(TaskProgressEventDto)
@Controller('regions/:region/tasks/:taskId')
export class TaskProgressController {
  constructor(
    private readonly waits: TaskWaitService,
    private readonly events: TaskEventsService,
  ) {}

  @Get('wait')
  @ApiOperation({
    summary: 'Wait for a task to end (long-poll)',
    description: `Answers once the task is ${ENDED}, or when timeoutSeconds pass. ${SCHEDULE}`,
  })
  @ApiOkResponse({ type: TaskResponseDto, description: 'The task has ended' })
  @ApiAcceptedResponse({
    type: TaskResponseDto,
    description:
      'Not ended when timeoutSeconds passed (or the gateway is shutting down): the task as it stands (Retry-After hints when to ask again)',
  })
  @ApiGatewayErrors({
    400: [`timeoutSeconds must not be greater than ${MAX_WAIT_SECONDS}`, 'taskId must be a UUID'],
  })
  async waitForTask(
    @Param() params: TaskParamsDto,
    @Query() query: WaitForTaskQueryDto,
    @ResolvedCall() call: UpstreamCall,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskResponseDto> {
    const gone = new AbortController();
    // The client hung up: stop polling for it
    reply.raw.once('close', () => gone.abort());
    const result = await this.waits.waitForTask(
      { call, taskId: params.taskId },
      query.timeoutSeconds ?? DEFAULT_WAIT_SECONDS,
      gone.signal,
    );
    if (!result.ended) {
      void reply.status(202).header('retry-after', String(Math.ceil(result.intervalMs / 1000)));
    }
    return result.task;
  }

  @Get('events')
  @ApiOperation({
    summary: 'Follow a task as Server-Sent Events',
    description: `A \`text/event-stream\`: \`event: progress\` whenever the state, progress or log changes (data: \`{state, progressPercent, logMessages}\` with only the new log messages: the TaskProgressEventDto schema), a \`: keep-alive\` comment every TASK_EVENTS_KEEPALIVE_MS while idle, and a final \`event: done\` (data: the whole task) once it is ${ENDED}; then the stream closes. A GreenLake failure mid-stream ends it with \`event: error\` (data: the gateway error shape); a gateway shutdown with \`event: shutdown\` (data: the task as it stands) after a \`retry:\` hint. ${SCHEDULE} Polling stops when nobody follows the task any more.`,
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The event stream',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'event: progress\ndata: {"state":"RUNNING","progressPercent":40,"logMessages":[{"message":"Applying the changes","timestamp":"2024-05-02T10:00:04Z"}]}\n\n: keep-alive\n\nevent: done\ndata: {"id":"8e594a77-3809-4620-be52-74270abdf60b","state":"SUCCEEDED",...}\n\n',
      },
    },
  })
  @ApiGatewayErrors({ 400: 'taskId must be a UUID' })
  streamTaskEvents(
    @Param() params: TaskParamsDto,
    @ResolvedCall() call: UpstreamCall,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.events.streamTaskEvents({ call, taskId: params.taskId }, reply);
  }
}
