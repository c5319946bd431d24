import type { TaskWaitService } from 'src/resources/tasks/task-wait.service';
import type { TasksService } from 'src/resources/tasks/tasks.service';
import { GetTaskQueryDto } from 'src/resources/tasks/dto/get-task-query.dto';
import { ListTasksQueryDto, TASK_STATES } from 'src/resources/tasks/dto/list-tasks-query.dto';
import { TaskParamsDto } from 'src/resources/tasks/dto/task-params.dto';
import { WaitForTaskQueryDto } from 'src/resources/tasks/dto/wait-for-task-query.dto';
import { invalidRequest } from 'src/resources/data-services/invalid-request.util';
import { MCP_MAX_WAIT_SECONDS } from 'src/mcp/mcp-limits';
import type { McpTool } from 'src/mcp/mcp-tool.type';
import { pick, validated } from 'src/mcp/tool-input.util';
import {
  enumProperty,
  integerProperty,
  stringProperty,
  uuidProperty,
} from 'src/mcp/tool-schema.util';
import { fieldsProperty, listTool, READ_ONLY, simpleTool, ToolKit } from './tool-builders.util';

const DEFAULT_WAIT_SECONDS = 30;
const taskId = uuidProperty(
  'Task id (from list_tasks, or the taskId of an accepted greenlake_request)',
);

/** list_tasks, get_task and wait_for_task. */
export function taskTools(kit: ToolKit, tasks: TasksService, waits: TaskWaitService): McpTool[] {
  return [
    listTool(kit, {
      name: 'list_tasks',
      description: 'List GreenLake tasks (async operations), newest first, with optional filters.',
      resource: 'tasks',
      dto: ListTasksQueryDto,
      fields: true,
      filters: {
        state: enumProperty(TASK_STATES),
        service: stringProperty('Service name, e.g. backup-and-recovery'),
        parentId: uuidProperty('Only children of this task'),
        createdAfter: stringProperty('ISO 8601 date or date-time with zone'),
        createdBefore: stringProperty('ISO 8601 date or date-time with zone'),
      },
      list: (call, query) => tasks.listTasks(call, query),
    }),
    simpleTool(kit, {
      name: 'get_task',
      description: 'Get one task: state, progressPercent, logMessages, resources it acts on.',
      properties: {
        taskId,
        fields: fieldsProperty('tasks'),
      },
      required: ['taskId'],
      annotations: READ_ONLY,
      run: async (args, call) => {
        const params = await validated(TaskParamsDto, {
          region: call.region.name,
          ...pick(args, ['taskId']),
        });
        const query = await validated(GetTaskQueryDto, pick(args, ['fields']));
        return tasks.getTask(call, params.taskId, query.fields);
      },
    }),
    simpleTool(kit, {
      name: 'wait_for_task',
      description: `Wait until a task settles (SUCCEEDED, FAILED, CANCELLED, TIMEDOUT, PAUSED) or timeoutSeconds pass (at most ${MCP_MAX_WAIT_SECONDS}).`,
      properties: {
        taskId,
        timeoutSeconds: integerProperty(0, MCP_MAX_WAIT_SECONDS, 'How long to wait', {
          default: DEFAULT_WAIT_SECONDS,
        }),
      },
      required: ['taskId'],
      annotations: READ_ONLY,
      run: async (args, call, context) => {
        const params = await validated(TaskParamsDto, {
          region: call.region.name,
          ...pick(args, ['taskId']),
        });
        const query = await validated(WaitForTaskQueryDto, pick(args, ['timeoutSeconds']));
        const timeoutSeconds = query.timeoutSeconds ?? DEFAULT_WAIT_SECONDS;
        if (timeoutSeconds > MCP_MAX_WAIT_SECONDS) {
          throw invalidRequest(
            `timeoutSeconds must not be greater than ${MCP_MAX_WAIT_SECONDS} for an MCP tool; call wait_for_task again to keep waiting`,
          );
        }
        const result = await waits.waitForTask(
          { call, taskId: params.taskId },
          timeoutSeconds,
          context.signal,
        );
        return result.ended
          ? { settled: true, task: result.task }
          : {
              settled: false,
              task: result.task,
              note: `Still ${result.task.state ?? 'running'} after ${timeoutSeconds} s: call wait_for_task again.`,
            };
      },
    }),
  ];
}
