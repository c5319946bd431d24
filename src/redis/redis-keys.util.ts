/** Every Redis key the gateway writes is built here: `gw:<namespace>:<parts>`. */
export const redisKeys = {
  token: (profile: string): string => `gw:token:${profile}`,
  tokenLock: (profile: string): string => `gw:lock:token:${profile}`,
  rateLimit: (counter: string): string => `gw:ratelimit:${counter}`,
  /** One hash per (profile, region); the braces keep it in one Redis Cluster hash slot. */
  budget: (profile: string, region: string): string => `gw:budget:{${profile}:${region}}`,
};
