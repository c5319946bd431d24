import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options: { type: 'minor' | 'major'; execution: 'sync' }) => void;

let gc: Gc | undefined;

function exposedGc(): Gc {
  if (!gc) {
    // V8's gc() in a process started without --expose-gc: a context made after the flag has it
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  }
  return gc;
}

const oldSpaceUsed = (): number =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')?.space_used_size ?? 0;

/**
 * Bytes that `work` left for the old generation although it kept nothing: runs it between young
 * collections and reads how much the old space grew. Garbage dies young; what `work` made and
 * dropped, yet grows the old space by, outlived two scavenges (a young object still referenced
 * from somewhere V8's young collector treats as live). Each such object makes every scavenge copy
 * it and pause the event loop for longer.
 */
export function promotedByYoungGc(work: () => void): number {
  const collect = exposedGc();
  collect({ type: 'minor', execution: 'sync' });
  collect({ type: 'minor', execution: 'sync' });
  const before = oldSpaceUsed();
  work();
  collect({ type: 'minor', execution: 'sync' });
  collect({ type: 'minor', execution: 'sync' });
  return oldSpaceUsed() - before;
}
