import { CapturingLogger } from './capturing-logger';

export type AuditLine = Record<string, unknown> & { requestId: string };

/** The audit lines among the captured logs (the `Audit` logger writes one JSON object each). */
export function auditLines(logs: CapturingLogger): AuditLine[] {
  return logs.lines
    .filter((line) => line.startsWith('log {') && line.endsWith('} Audit'))
    .map((line) => JSON.parse(line.slice('log '.length, -' Audit'.length)) as AuditLine);
}

/**
 * The audit line of one request. It is written once the answer has gone out, so it may land just
 * after the client has the response: wait for it (generously; machines are busy).
 */
export async function auditLineFor(
  logs: CapturingLogger,
  requestId: string,
  timeoutMs = 10_000,
): Promise<AuditLine> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = auditLines(logs).find((entry) => entry.requestId === requestId);
    if (line) {
      return line;
    }
    if (Date.now() > deadline) {
      throw new Error(`no audit line for request ${requestId} within ${timeoutMs} ms`);
    }
    await new Promise((resume) => setTimeout(resume, 20));
  }
}
