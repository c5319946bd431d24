/** Every Redis key the gateway writes is built here: `gw:<namespace>:<parts>`. */
export const redisKeys = {
  token: (profile: string): string => `gw:token:${profile}`,
  tokenLock: (profile: string): string => `gw:lock:token:${profile}`,
  rateLimit: (counter: string): string => `gw:ratelimit:${counter}`,
};
