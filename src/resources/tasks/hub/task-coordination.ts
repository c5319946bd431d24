import type { TaskSnapshot } from './task-snapshot';

/**
 * How the replicas share the following of one task (id `profile:region:taskId`): who polls (a
 * lease), what the last poll found (a stored snapshot) and how the others hear of new polls.
 */
export interface TaskCoordination {
  /** True when other replicas may follow the same task (Redis); false in process memory. */
  readonly shared: boolean;
  /** Takes or renews the lease to poll; true when this replica holds it. */
  holdLease(id: string): Promise<boolean>;
  /** Gives the lease up if this replica holds it, so another takes over at once. */
  releaseLease(id: string): Promise<void>;
  /** The last snapshot any replica stored. */
  load(id: string): Promise<TaskSnapshot | undefined>;
  /** Stores (tasks only, not errors) and announces a snapshot to the other replicas. */
  publish(id: string, snapshot: TaskSnapshot): Promise<void>;
  /** Hears snapshots of the other replicas; resolves to an unsubscribe function. */
  subscribe(id: string, onSnapshot: (snapshot: TaskSnapshot) => void): Promise<() => void>;
}

export const TASK_COORDINATION = Symbol('TASK_COORDINATION');

/** One process: this replica always polls, nothing is stored or announced. */
export const inProcessCoordination: TaskCoordination = {
  shared: false,
  holdLease: () => Promise.resolve(true),
  releaseLease: () => Promise.resolve(),
  load: () => Promise.resolve(undefined),
  publish: () => Promise.resolve(),
  subscribe: () => Promise.resolve(() => undefined),
};
