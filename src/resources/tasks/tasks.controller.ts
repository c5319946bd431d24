import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Caller } from 'src/auth/caller.type';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { CurrentCaller } from 'src/common/decorators/current-caller.decorator';
import { RequestId } from 'src/common/decorators/request-id.decorator';
import { ListTasksQueryDto } from './dto/list-tasks-query.dto';
import { TaskParamsDto } from './dto/task-params.dto';
import { TaskListResponseDto, TaskResponseDto } from './dto/task-response.dto';
import { TasksService } from './tasks.service';

@ApiTags('Tasks')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'List tasks (GreenLake async-operations) in a region' })
  listTasks(
    @Param() params: RegionParamsDto,
    @Query() query: ListTasksQueryDto,
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string,
  ): Promise<TaskListResponseDto> {
    return this.tasks.listTasks(caller, params.region, query, requestId);
  }

  @Get(':taskId')
  @ApiOperation({ summary: 'Get one task' })
  getTask(
    @Param() params: TaskParamsDto,
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string,
  ): Promise<TaskResponseDto> {
    return this.tasks.getTask(caller, params.region, params.taskId, requestId);
  }
}
