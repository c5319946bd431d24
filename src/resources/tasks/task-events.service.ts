import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { toErrorReply } from 'src/common/errors/error-response.mapper';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { TaskHub } from './hub/task-hub.service';
import { errorOf, type TaskSnapshot } from './hub/task-snapshot';
import type { TaskSubscription } from './hub/task-subscription';
import type { TaskTarget } from './hub/task-watch';
import { TaskProgressTracker } from './task-progress.mapper';
import { isTaskEnded } from './task-state.util';

/**
 * `GET .../tasks/{id}/events`: Server-Sent Events while a task runs, fed by the task's shared
 * poller (TaskHub). `event: progress` when the state, the progress or the log changes,
 * `: keep-alive` comments while idle, a final `event: done` with the whole task, then the stream
 * closes; on shutdown a final `event: shutdown` with the task as it stands.
 */
@Injectable()
export class TaskEventsService {
  private readonly logger = new Logger(TaskEventsService.name);

  constructor(
    private readonly hub: TaskHub,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async streamTaskEvents(target: TaskTarget, reply: FastifyReply): Promise<void> {
    const subscription = this.hub.follow(target);
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    try {
      // The first read comes before the stream starts, so that an unknown task is a plain JSON 404
      const first = await subscription.next(gone.signal);
      if (typeof first === 'string') {
        throw new GatewayError(
          GatewayErrorCode.UPSTREAM_UNAVAILABLE,
          'The gateway is shutting down before the task could be read; ask again',
          { headers: { 'retry-after': '1' } },
        );
      }
      if (first.error) {
        throw errorOf(first.error);
      }
      await this.stream(target, first, subscription, reply, gone);
    } finally {
      subscription.close();
    }
  }

  private async stream(
    target: TaskTarget,
    first: TaskSnapshot,
    subscription: TaskSubscription,
    reply: FastifyReply,
    gone: AbortController,
  ): Promise<void> {
    const stream = new PassThrough();
    // Fastify destroys the stream when the client disconnects; the response closes with it
    stream.once('close', () => gone.abort());
    const keepAlive = setInterval(() => {
      if (!stream.destroyed) {
        stream.write(': keep-alive\n\n');
      }
    }, this.config.tasks.eventsKeepAliveMs);
    void reply
      .status(200)
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      // Reverse proxies (nginx) must not buffer the stream
      .header('x-accel-buffering', 'no')
      .send(stream);
    const tracker = new TaskProgressTracker();
    try {
      let snapshot: TaskSnapshot = first;
      for (;;) {
        if (snapshot.error) {
          // Past the first byte the status is sent: the error travels as an event instead
          const { body } = toErrorReply(errorOf(snapshot.error), target.call.requestId);
          this.logger.warn(
            `Task events for ${target.taskId} in ${target.call.region.name} stopped: ${body.code} (request ${target.call.requestId})`,
          );
          writeEvent(stream, 'error', body);
          return;
        }
        const progress = snapshot.task && tracker.next(snapshot.task);
        if (progress) {
          writeEvent(stream, 'progress', progress);
        }
        if (isTaskEnded(snapshot.task)) {
          writeEvent(stream, 'done', snapshot.task);
          return;
        }
        const next = await subscription.next(gone.signal);
        if (next === 'closed') {
          // EventSource clients reconnect (to another replica) after `retry` ms
          stream.write('retry: 1000\n');
          writeEvent(stream, 'shutdown', subscription.latestTask?.task ?? snapshot.task);
          return;
        }
        if (typeof next === 'string') {
          return;
        }
        snapshot = next;
      }
    } finally {
      clearInterval(keepAlive);
      stream.end();
    }
  }
}

function writeEvent(stream: PassThrough, event: string, data: unknown): void {
  if (stream.destroyed) {
    return;
  }
  // JSON.stringify never emits a raw newline, so one data line is always enough
  stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
