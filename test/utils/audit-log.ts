import { CapturingLogger } from './capturing-logger';

export type AuditLine = Record<string, unknown> & { requestId: string };

/**
 * The audit lines among the captured logs (the `Audit` logger's lines), with the audit fields
 * only: the log line's own `level`, `time`, `context`, `msg`, `traceId` and `audit` marker are left out.
 */
export function auditLines(logs: CapturingLogger): AuditLine[] {
  return logs
    .entries()
    .filter((entry) => entry.context === 'Audit' && entry.audit === true)
    .map(
      ({ level: _l, time, context: _c, msg: _m, traceId: _tr, audit: _a, ...fields }) =>
        ({ time, ...fields }) as unknown as AuditLine,
    );
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
