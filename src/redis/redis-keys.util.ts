/** Every Redis key the gateway writes is built here: `gw:<namespace>:<parts>`. */
export const redisKeys = {
  token: (profile: string): string => `gw:token:${profile}`,
  tokenLock: (profile: string): string => `gw:lock:token:${profile}`,
  rateLimit: (counter: string): string => `gw:ratelimit:${counter}`,
  // One followed task (`profile:region:taskId`): the braces are a Redis Cluster hash tag, so that
  // every key of one task lands on one slot
  taskSnapshot: (task: string): string => `gw:task:{${task}}:snapshot`,
  taskLease: (task: string): string => `gw:task:{${task}}:lease`,
  taskChannel: (task: string): string => `gw:task:{${task}}:events`,
  taskCallbacks: (task: string): string => `gw:task:{${task}}:callbacks`,
  taskCallbackClaim: (task: string, callbackId: string): string =>
    `gw:task:{${task}}:claim:${callbackId}`,
  /** The set of tasks (`profile:region:taskId`) with callbacks still to deliver. */
  pendingTaskCallbacks: (): string => 'gw:taskcallbacks:pending',
};
