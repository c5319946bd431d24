/** A Redis command that did not answer within its caller's budget (a frozen or overloaded Redis). */
export class RedisTooSlow extends Error {}

/**
 * The operation's result, or a RedisTooSlow rejection once `ms` pass. The command itself is not
 * cancelled: its late answer or error is dropped. ioredis' own commandTimeout (500 ms) is the
 * bound for work that may wait; a call on a caller's path takes a budget of its own instead.
 */
export function withinBudget<T>(operation: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RedisTooSlow(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([operation, late]).finally(() => clearTimeout(timer));
}
