/** A callback waiting for its task to end. */
export interface CallbackRecord {
  id: string;
  url: string;
  /** Of the task: enough to follow it again after a restart. */
  profile: string;
  region: string;
  taskId: string;
  callerName: string;
  createdAt: string;
}

/** Where pending callbacks live: Redis (survives restarts and dead replicas) or process memory. */
export interface CallbackStore {
  readonly durable: boolean;
  add(watchId: string, record: CallbackRecord): Promise<void>;
  pending(watchId: string): Promise<CallbackRecord[]>;
  remove(watchId: string, callbackId: string): Promise<void>;
  /** Claims the delivery of one callback for `ms` (renewable); false when another replica has it. */
  claim(watchId: string, callbackId: string, ms: number): Promise<boolean>;
  releaseClaim(watchId: string, callbackId: string): Promise<void>;
  /** Ids of the tasks with pending callbacks. */
  pendingTasks(): Promise<string[]>;
}

export const CALLBACK_STORE = Symbol('CALLBACK_STORE');

export class MemoryCallbackStore implements CallbackStore {
  readonly durable = false;
  private readonly byTask = new Map<string, Map<string, CallbackRecord>>();

  add(watchId: string, record: CallbackRecord): Promise<void> {
    const records = this.byTask.get(watchId) ?? new Map<string, CallbackRecord>();
    records.set(record.id, record);
    this.byTask.set(watchId, records);
    return Promise.resolve();
  }

  pending(watchId: string): Promise<CallbackRecord[]> {
    return Promise.resolve([...(this.byTask.get(watchId)?.values() ?? [])]);
  }

  remove(watchId: string, callbackId: string): Promise<void> {
    const records = this.byTask.get(watchId);
    records?.delete(callbackId);
    if (records?.size === 0) {
      this.byTask.delete(watchId);
    }
    return Promise.resolve();
  }

  // One process: the service delivers each callback once at a time, so a claim only needs the
  // record to be still there
  claim(watchId: string, callbackId: string): Promise<boolean> {
    return Promise.resolve(this.byTask.get(watchId)?.has(callbackId) ?? false);
  }

  releaseClaim(): Promise<void> {
    return Promise.resolve();
  }

  pendingTasks(): Promise<string[]> {
    return Promise.resolve([...this.byTask.keys()]);
  }

  get size(): number {
    return [...this.byTask.values()].reduce((sum, records) => sum + records.size, 0);
  }
}
