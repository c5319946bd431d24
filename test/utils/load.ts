import { Agent, request } from 'node:http';

/** Fires `count` GETs at once over keep-alive HTTP and returns their statuses (0 for a socket error). */
export async function fireConcurrently(
  url: string,
  count: number,
  headers: Record<string, string> = {},
): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 200 });
  try {
    return await Promise.all(Array.from({ length: count }, () => getStatus(url, headers, agent)));
  } finally {
    agent.destroy();
  }
}

export function getStatus(
  url: string,
  headers: Record<string, string>,
  agent?: Agent,
): Promise<number> {
  return new Promise((done) => {
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', () => done(0));
    req.end();
  });
}

/** Calls `url` from `workers` loops, each pausing `pauseMs`, for `durationMs`; returns every status. */
export async function steadyStream(
  url: string,
  headers: Record<string, string>,
  { durationMs, workers, pauseMs }: { durationMs: number; workers: number; pauseMs: number },
): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: workers });
  const statuses: number[] = [];
  const until = Date.now() + durationMs;
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (Date.now() < until) {
          statuses.push(await getStatus(url, headers, agent));
          await new Promise((resume) => setTimeout(resume, pauseMs));
        }
      }),
    );
    return statuses;
  } finally {
    agent.destroy();
  }
}

export const countBy = (values: number[]): Record<number, number> =>
  values.reduce<Record<number, number>>(
    (counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }),
    {},
  );
