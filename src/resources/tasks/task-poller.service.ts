import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { UpstreamClient } from 'src/upstream/upstream.client';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';

export interface TaskTarget {
  call: UpstreamCall;
  taskId: string;
}

const ASYNC_OPERATIONS = '/data-services/v1beta1/async-operations';
// When GreenLake suggests nothing: HPE's own Terraform provider polls every 5 s
const DEFAULT_POLL_MS = 5_000;

/**
 * Reads a task straight from GreenLake (never from a cache: polling needs fresh state) and says how
 * long to wait before the next read.
 */
@Injectable()
export class TaskPoller {
  constructor(
    private readonly upstream: UpstreamClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async fetchTask(target: TaskTarget): Promise<AsyncOperationWire> {
    const response = await this.upstream.request<AsyncOperationWire>(target.call, {
      method: 'GET',
      path: `${ASYNC_OPERATIONS}/${encodeURIComponent(target.taskId)}`,
    });
    return response.data;
  }

  /** GreenLake's suggestedPollingIntervalSeconds, clamped to TASK_POLL_MIN_MS..TASK_POLL_MAX_MS. */
  intervalMs(task: AsyncOperationWire): number {
    const suggested = task.suggestedPollingIntervalSeconds;
    const wanted =
      typeof suggested === 'number' && Number.isFinite(suggested) && suggested > 0
        ? suggested * 1000
        : DEFAULT_POLL_MS;
    const { pollMinMs, pollMaxMs } = this.config.tasks;
    return Math.min(pollMaxMs, Math.max(pollMinMs, wanted));
  }
}
