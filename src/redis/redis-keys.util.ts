/**
 * Every Redis key the gateway writes is built here: `gw:<namespace>:<parts>`. The part in braces is
 * the Redis Cluster hash tag: keys that one operation touches together share it, so they live in one
 * slot (a token and its refresh lock, for instance).
 */
export const redisKeys = {
  token: (profile: string): string => `gw:token:{${profile}}`,
  tokenLock: (profile: string): string => `gw:lock:token:{${profile}}`,
  rateLimit: (counter: string): string => `gw:ratelimit:${counter}`,
  // A cache scope is one (profile, region, resource): its entries, its generation counter and its
  // fill locks share the hash tag `{...}`, so one MGET reads entry and generation in Redis Cluster
  cacheEntry: (scope: string, hash: string): string => `gw:cache:{${scope}}:${hash}`,
  cacheGeneration: (scope: string): string => `gw:cache:{${scope}}:gen`,
  cacheLock: (scope: string, hash: string): string => `gw:cache:{${scope}}:lock:${hash}`,
  /** SCAN pattern of a scope pattern's keys (`*` allowed in the scope). */
  cachePattern: (scopePattern: string): string => `gw:cache:{${scopePattern}}:*`,
  /** One hash per (profile, region); the braces keep it in one Redis Cluster hash slot. */
  budget: (profile: string, region: string): string => `gw:budget:{${profile}:${region}}`,
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
