import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { ProfileRegistry } from 'src/credentials/profile-registry.service';
import { RegionRegistry } from 'src/regions/region-registry.service';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { abortableDelay } from 'src/resources/tasks/abortable-delay.util';
import { TaskHub, taskWatchId } from 'src/resources/tasks/hub/task-hub.service';
import { errorOf } from 'src/resources/tasks/hub/task-snapshot';
import type { TaskTarget } from 'src/resources/tasks/hub/task-watch';
import { isTaskEnded } from 'src/resources/tasks/task-state.util';
import { CallbackSender } from './callback-sender';
import { CALLBACK_STORE, CallbackRecord, CallbackStore } from './callback-store';
import { checkCallbackUrl, hostPortOf } from './callback-url.util';

/** Retries after a failed attempt: 0.5, 1, 2, 4, 8, 16 s (about half a minute in all). */
export const CALLBACK_RETRIES = 6;
const RETRY_BASE_MS = 500;
// Longer than an attempt plus its wait, renewed before each attempt
const CLAIM_MS = 60_000;
// How often a replica looks in Redis for callbacks that no replica follows (a dead one's)
const SCAN_MS = 5_000;

/**
 * `POST .../tasks/{id}/callbacks`: when the task ends, POST `{task}` to the URL, signed, retried
 * with backoff. The task is followed through TaskHub like any waiter; pending callbacks live in
 * the CallbackStore (Redis: a restart or a dead replica loses none).
 */
@Injectable()
export class TaskCallbacksService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TaskCallbacksService.name);
  private readonly sender?: CallbackSender;
  /** Tasks this process follows for callbacks: the function that stops following. */
  private readonly attached = new Map<string, () => void>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private scanTimer?: NodeJS.Timeout;
  // Plain counters for the lead to wire into /metrics (the operations issue owns prom-client)
  private readonly counts = { registered: 0, delivered: 0, failedAttempts: 0, dropped: 0 };

  constructor(
    private readonly hub: TaskHub,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CALLBACK_STORE) private readonly store: CallbackStore,
    private readonly regions: RegionRegistry,
    private readonly profiles: ProfileRegistry,
  ) {
    const secret = config.tasks.callbackSecret;
    this.sender = secret ? new CallbackSender(secret) : undefined;
  }

  snapshot(): typeof this.counts & { following: number } {
    return { ...this.counts, following: this.attached.size };
  }

  async register(
    target: TaskTarget,
    rawUrl: string,
    callerName: string,
  ): Promise<{ callbackId: string }> {
    const url = checkCallbackUrl(rawUrl, this.config.tasks.callbackHosts);
    // One read (shared with any other waiter) proves the task exists before anything is stored
    const subscription = this.hub.follow(target);
    try {
      const first = await subscription.next(this.stopping.signal);
      if (typeof first === 'string') {
        throw new GatewayError(
          GatewayErrorCode.UPSTREAM_UNAVAILABLE,
          'The gateway is shutting down; register the callback again',
          { headers: { 'retry-after': '1' } },
        );
      }
      if (first.error) {
        throw errorOf(first.error);
      }
      const watchId = taskWatchId(target);
      const record: CallbackRecord = {
        id: randomUUID(),
        url: url.toString(),
        profile: target.call.profile.name,
        region: target.call.region.name,
        taskId: target.taskId.toLowerCase(),
        callerName,
        createdAt: new Date().toISOString(),
      };
      await this.store.add(watchId, record).catch((error: unknown) => {
        throw new GatewayError(
          GatewayErrorCode.UPSTREAM_UNAVAILABLE,
          'The callback could not be stored (Redis is unavailable); try again',
          { headers: { 'retry-after': '5' }, cause: error },
        );
      });
      this.counts.registered += 1;
      if (isTaskEnded(first.task)) {
        this.deliverAll(watchId, first.task);
      } else {
        // Attached while the subscription still holds the watch: no second first read
        this.attach(watchId, target);
      }
      return { callbackId: record.id };
    } finally {
      subscription.close();
    }
  }

  onApplicationBootstrap(): void {
    if (!this.store.durable) {
      return;
    }
    void this.scan();
    this.scanTimer = setInterval(() => void this.scan(), SCAN_MS);
    this.scanTimer.unref();
  }

  /** Shutdown: deliveries stop between attempts; what is pending stays in the store for the next replica. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    clearInterval(this.scanTimer);
    for (const leave of this.attached.values()) {
      leave();
    }
    this.attached.clear();
    await Promise.all([...this.inFlight.values()]);
    if (!this.store.durable) {
      const pending = (await this.store.pendingTasks()).length;
      if (pending > 0) {
        this.logger.warn(
          `Callbacks of ${pending} task(s) are lost with this process: set REDIS_URL to keep them across restarts`,
        );
      }
    }
  }

  /** Follows, for their callbacks, the tasks in Redis that this process does not follow yet. */
  private async scan(): Promise<void> {
    try {
      for (const watchId of await this.store.pendingTasks()) {
        if (this.stopping.signal.aborted || this.attached.has(watchId)) {
          continue;
        }
        const records = await this.store.pending(watchId);
        const target = records[0] && this.targetOf(records[0]);
        if (target) {
          this.attach(watchId, target);
        }
      }
    } catch (error) {
      this.logger.warn(`Looking for pending callbacks failed: ${String(error)}`);
    }
  }

  private attach(watchId: string, target: TaskTarget): void {
    if (this.attached.has(watchId) || this.stopping.signal.aborted) {
      return;
    }
    const following: { leave?: () => void } = {};
    // Registered first: the hub may hand over an ended task during attach() itself
    this.attached.set(watchId, () => following.leave?.());
    following.leave = this.hub.attach(target, {
      deliver: (snapshot) => {
        if (isTaskEnded(snapshot.task)) {
          this.deliverAll(watchId, snapshot.task);
        }
      },
    });
    if (!this.attached.has(watchId)) {
      following.leave();
    }
  }

  private deliverAll(watchId: string, task: AsyncOperationWire | undefined): void {
    const leave = this.attached.get(watchId);
    this.attached.delete(watchId);
    leave?.();
    void this.store
      .pending(watchId)
      .then((records) => {
        for (const record of records) {
          const key = `${watchId} ${record.id}`;
          if (!this.inFlight.has(key)) {
            const delivery = this.deliver(watchId, record, task).finally(() =>
              this.inFlight.delete(key),
            );
            this.inFlight.set(key, delivery);
          }
        }
      })
      .catch((error: unknown) => this.logger.warn(`Reading callbacks failed: ${String(error)}`));
  }

  private async deliver(
    watchId: string,
    record: CallbackRecord,
    task: AsyncOperationWire | undefined,
  ): Promise<void> {
    const sender = this.sender;
    if (!sender) {
      return;
    }
    const body = JSON.stringify({ task });
    const host = hostPortOf(new URL(record.url));
    for (let attempt = 0; attempt <= CALLBACK_RETRIES; attempt += 1) {
      if (this.stopping.signal.aborted) {
        await this.store.releaseClaim(watchId, record.id).catch(() => undefined);
        return;
      }
      if (!(await this.store.claim(watchId, record.id, CLAIM_MS).catch(() => false))) {
        // Another replica delivers it (or has)
        return;
      }
      const result = await sender.send(record.url, record.id, body, this.stopping.signal);
      if (result.ok) {
        this.counts.delivered += 1;
        await this.store.remove(watchId, record.id).catch(() => undefined);
        return;
      }
      this.counts.failedAttempts += 1;
      if (attempt < CALLBACK_RETRIES) {
        await abortableDelay(RETRY_BASE_MS * 2 ** attempt, this.stopping.signal);
      }
    }
    this.counts.dropped += 1;
    this.logger.warn(
      `Callback ${record.id} of task ${record.taskId} to ${host} failed ${CALLBACK_RETRIES + 1} times; dropped`,
    );
    await this.store.remove(watchId, record.id).catch(() => undefined);
  }

  private targetOf(record: CallbackRecord): TaskTarget | undefined {
    const profile = this.profiles.byProfileName(record.profile);
    let region;
    try {
      region = this.regions.resolve(record.region);
    } catch {
      return undefined;
    }
    if (!profile) {
      return undefined;
    }
    return {
      taskId: record.taskId,
      call: {
        caller: { name: record.callerName, scopes: ['read'], via: 'api-key' },
        region,
        profile,
        requestId: `callback-${record.id}`,
      },
    };
  }
}
