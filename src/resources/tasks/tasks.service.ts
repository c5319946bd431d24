import { Injectable } from '@nestjs/common';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { DataServicesClient } from 'src/resources/data-services/data-services.client';
import { eq, FriendlyFilterTable, gt, lt, memberOf } from 'src/catalog/odata-filter.util';
import { toRfc3339 } from 'src/catalog/timestamp.util';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import { ListTasksQueryDto } from './dto/list-tasks-query.dto';

// Validated by the DTO, so toRfc3339 always has a value here
const timestamp = (value: string): string => toRfc3339(value) ?? value;

/** The friendly parameters and the GreenLake conditions they become. */
const TASK_FILTERS: FriendlyFilterTable<ListTasksQueryDto> = {
  service: (value) => memberOf(value, 'services'),
  state: (value) => eq('state', value),
  parentId: (value) => eq('parent/id', value),
  createdAfter: (value) => gt('createdAt', timestamp(value)),
  createdBefore: (value) => lt('createdAt', timestamp(value)),
};

@Injectable()
export class TasksService {
  constructor(private readonly dataServices: DataServicesClient) {}

  listTasks(call: UpstreamCall, query: ListTasksQueryDto): Promise<ListWire<AsyncOperationWire>> {
    return this.dataServices.list<AsyncOperationWire>('tasks', call, query, TASK_FILTERS);
  }

  getTask(call: UpstreamCall, taskId: string, fields?: string): Promise<AsyncOperationWire> {
    return this.dataServices.get<AsyncOperationWire>('tasks', call, taskId, fields);
  }
}
