import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { ApiResourceOperation } from 'src/resources/data-services/api-resource-operation.decorator';
import { GetTaskQueryDto } from './dto/get-task-query.dto';
import { ListTasksQueryDto } from './dto/list-tasks-query.dto';
import { TaskListResponseDto, TaskResponseDto } from './dto/task-response.dto';
import { TaskParamsDto } from './dto/task-params.dto';
import { TasksService } from './tasks.service';

@ApiTags('Tasks')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiResourceOperation({
    resource: 'tasks',
    list: true,
    summary: 'List tasks (GreenLake async-operations) in a region',
    description:
      '`service`, `state`, `parentId`, `createdAfter` and `createdBefore` become GreenLake filter ' +
      'conditions, AND-ed with each other and with `filter`.',
  })
  @ApiOkResponse({ type: TaskListResponseDto })
  listTasks(
    @Query() query: ListTasksQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<TaskListResponseDto> {
    return this.tasks.listTasks(call, query);
  }

  @Get(':taskId')
  @ApiResourceOperation({ resource: 'tasks', summary: 'Get one task' })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiGatewayErrors({ 400: 'taskId must be a UUID' })
  getTask(
    @Param() params: TaskParamsDto,
    @Query() query: GetTaskQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<TaskResponseDto> {
    return this.tasks.getTask(call, params.taskId, query.fields);
  }
}
