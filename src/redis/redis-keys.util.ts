/**
 * Every Redis key the gateway writes is built here: `gw:<namespace>:<parts>`. The part in braces is
 * the Redis Cluster hash tag: keys that one operation touches together share it, so they live in one
 * slot (a token and its refresh lock, for instance).
 */
export const redisKeys = {
  token: (profile: string): string => `gw:token:{${profile}}`,
  tokenLock: (profile: string): string => `gw:lock:token:{${profile}}`,
  rateLimit: (counter: string): string => `gw:ratelimit:${counter}`,
};
