import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import {
  CreateTaskCallbackDto,
  TaskCallbackAcceptedDto,
} from 'src/resources/tasks/dto/create-task-callback.dto';
import { TaskParamsDto } from 'src/resources/tasks/dto/task-params.dto';
import { TaskCallbacksService } from './task-callbacks.service';

@ApiTags('Tasks')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/tasks/:taskId/callbacks')
export class TaskCallbacksController {
  constructor(private readonly callbacks: TaskCallbacksService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Be told when a task ends (callback)',
    description:
      'When the task ends (SUCCEEDED, FAILED or CANCELLED), the gateway POSTs `{"task": <the final task>}` to `url` ' +
      'with `X-Gateway-Signature: sha256=<hex HMAC-SHA256 of the exact body with GATEWAY_CALLBACK_SECRET>` and ' +
      '`X-Gateway-Callback-Id`. A 2xx answer is a delivery; anything else (a redirect too: none is followed) is retried ' +
      'with backoff (0.5 s doubling, 7 tries). Pending callbacks are kept in Redis across restarts (at least once: ' +
      'dedupe by X-Gateway-Callback-Id). Only hosts (host:port) in GATEWAY_CALLBACK_HOSTS are accepted; without that ' +
      'list this route answers 400 naming it.',
  })
  @ApiAcceptedResponse({ type: TaskCallbackAcceptedDto })
  register(
    @Param() params: TaskParamsDto,
    @Body() body: CreateTaskCallbackDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<TaskCallbackAcceptedDto> {
    return this.callbacks.register({ call, taskId: params.taskId }, body.url, call.caller.name);
  }
}
