import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Caller } from 'src/common/access/caller.type';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { CurrentCaller } from 'src/common/access/current-caller.decorator';
import { RequestId } from 'src/common/decorators/request-id.decorator';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';
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
    @Param() params: RegionParamsDto,
    @Query() query: ListTasksQueryDto,
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string,
  ): Promise<TaskListResponseDto> {
    return this.tasks.listTasks(caller, params.region, query, requestId);
  }

  @Get(':taskId')
  @ApiResourceOperation({ resource: 'tasks', summary: 'Get one task' })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiGatewayErrors({ 400: 'taskId must be a UUID' })
  getTask(
    @Param() params: TaskParamsDto,
    @Query() query: GetTaskQueryDto,
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string,
  ): Promise<TaskResponseDto> {
    return this.tasks.getTask(caller, params.region, params.taskId, requestId, query.fields);
  }
}
