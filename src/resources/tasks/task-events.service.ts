import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { toErrorReply } from 'src/common/errors/error-response.mapper';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { abortableDelay } from './abortable-delay.util';
import { TaskPoller, TaskTarget } from './task-poller.service';
import { TaskProgressTracker } from './task-progress.mapper';
import { isTaskSettled } from './task-state.util';

/**
 * `GET .../tasks/{id}/events`: Server-Sent Events while a task runs. `event: progress` when the
 * state, the progress or the log changes, `: keep-alive` comments while idle, a final `event: done`
 * with the whole task, then the stream closes. Polling stops as soon as the client goes away.
 */
@Injectable()
export class TaskEventsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TaskEventsService.name);
  // On shutdown every stream ends (EventSource clients reconnect to another replica)
  private readonly stopping = new AbortController();

  constructor(
    private readonly poller: TaskPoller,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  beforeApplicationShutdown(): void {
    this.stopping.abort();
  }

  async streamTaskEvents(target: TaskTarget, reply: FastifyReply): Promise<void> {
    // Read once before the stream starts, so that an unknown task is a plain JSON 404
    const first = await this.poller.fetchTask(target);
    const stream = new PassThrough();
    const gone = new AbortController();
    // Fastify destroys the stream when the client disconnects; the response closes with it
    stream.once('close', () => gone.abort());
    reply.raw.once('close', () => gone.abort());
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
    try {
      await this.pump(target, first, stream, AbortSignal.any([gone.signal, this.stopping.signal]));
    } finally {
      clearInterval(keepAlive);
      stream.end();
    }
  }

  private async pump(
    target: TaskTarget,
    first: AsyncOperationWire,
    stream: PassThrough,
    signal: AbortSignal,
  ): Promise<void> {
    const tracker = new TaskProgressTracker();
    let task = first;
    for (;;) {
      const progress = tracker.next(task);
      if (progress) {
        writeEvent(stream, 'progress', progress);
      }
      if (isTaskSettled(task.state)) {
        writeEvent(stream, 'done', task);
        return;
      }
      if (!(await abortableDelay(this.poller.intervalMs(task), signal))) {
        if (this.stopping.signal.aborted) {
          // A final event, so that the client knows to reconnect (to another replica) soon
          stream.write('retry: 1000\n');
          writeEvent(stream, 'shutdown', { reason: 'the gateway is shutting down; reconnect' });
        }
        return;
      }
      try {
        task = await this.poller.fetchTask(target);
      } catch (error) {
        if (!signal.aborted) {
          // Past the first byte the status is sent: the error travels as an event instead
          const { body } = toErrorReply(error, target.call.requestId);
          this.logger.warn(
            `Task events for ${target.taskId} in ${target.call.region.name} stopped: ${body.code} (request ${target.call.requestId})`,
          );
          writeEvent(stream, 'error', body);
        }
        return;
      }
      if (signal.aborted) {
        return;
      }
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
