import { Injectable } from '@nestjs/common';
import { Caller } from 'src/auth/caller.type';
import { UpstreamClient } from 'src/upstream/upstream.client';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import { ListTasksQueryDto } from './dto/list-tasks-query.dto';

const ASYNC_OPERATIONS = '/data-services/v1beta1/async-operations';

@Injectable()
export class TasksService {
  constructor(private readonly upstream: UpstreamClient) {}

  async listTasks(
    caller: Caller,
    region: string,
    query: ListTasksQueryDto,
    requestId: string,
  ): Promise<ListWire<AsyncOperationWire>> {
    const response = await this.upstream.request<ListWire<AsyncOperationWire>>({
      region,
      method: 'GET',
      path: ASYNC_OPERATIONS,
      query: { limit: query.limit, offset: query.offset },
      caller,
      requestId,
    });
    return response.data;
  }

  async getTask(
    caller: Caller,
    region: string,
    taskId: string,
    requestId: string,
  ): Promise<AsyncOperationWire> {
    const response = await this.upstream.request<AsyncOperationWire>({
      region,
      method: 'GET',
      path: `${ASYNC_OPERATIONS}/${encodeURIComponent(taskId)}`,
      caller,
      requestId,
    });
    return response.data;
  }
}
