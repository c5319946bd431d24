import type { BudgetObservation } from './budget-headers.util';

/**
 * The budget of one (profile, region) as a flat field map, the same shape as its Redis hash:
 * `limit`, `remaining` (our running estimate), `resetAt` (epoch ms), `windowMs` (longest window
 * seen), and per caller `u:<name>` (calls sent this window) and `s:<name>` (last asked, epoch ms).
 * The functions here are the in-memory twins of the Lua scripts in budget-ledger-scripts.ts: keep
 * them in step (budget-ledger.spec.ts runs one table against both).
 */
export type LedgerFields = Map<string, string>;

export interface AdmissionRequest {
  nowMs: number;
  caller: string;
  fairShare: boolean;
  /** Weight of every caller that has asked recently (missing ones weigh `defaultWeight`). */
  weights: Record<string, number>;
  defaultWeight: number;
}

export type Admission =
  { admitted: true } | { admitted: false; reason: 'spent' | 'share'; resetAt: number };

// Until a window has been seen, callers count as active for this long
const DEFAULT_WINDOW_MS = 60_000;
// Within one window, estimates of its reset differ by less than the 1 s resolution of the header
const RESET_RESOLUTION_MS = 1_000;

/** Records what an answer said (a 429 passes remaining 0 and its retry time). */
export function observe(fields: LedgerFields, seen: BudgetObservation, nowMs: number): void {
  const storedReset = num(fields, 'resetAt');
  const newWindow =
    storedReset === undefined ||
    nowMs >= storedReset ||
    seen.resetAt > storedReset + RESET_RESOLUTION_MS;
  if (newWindow) {
    // The first answer ever describes the window the calls counted so far were sent in
    if (storedReset !== undefined) {
      clearUsage(fields);
    }
    forgetIdleCallers(fields, nowMs - 2 * (num(fields, 'windowMs') ?? DEFAULT_WINDOW_MS));
    fields.set('remaining', String(seen.remaining));
    fields.set('resetAt', String(seen.resetAt));
  } else {
    const stored = num(fields, 'remaining') ?? seen.remaining;
    fields.set('remaining', String(Math.min(stored, seen.remaining)));
    // A spent answer (429) says when to come back; otherwise the earliest estimate is the closest
    const resetAt = seen.remaining === 0 ? seen.resetAt : Math.min(storedReset, seen.resetAt);
    fields.set('resetAt', String(resetAt));
  }
  if (seen.limit !== undefined) {
    fields.set('limit', String(seen.limit));
    const windowMs = Math.max(num(fields, 'windowMs') ?? 0, seen.resetAt - nowMs);
    fields.set('windowMs', String(Math.min(windowMs, 3_600_000)));
  }
}

/**
 * Admits one call or says why not, and counts it (weighted max-min, see README "Upstream budget"):
 * with B the window's budget and W the summed weight of the callers active in the last window,
 * caller i is guaranteed share_i = B·w_i/W. A call is admitted when budget remains and either it
 * fits in the caller's share, or what remains exceeds what the other active callers are still owed
 * (Σ max(0, share_j − used_j)). So nobody within its share is refused because another spent the
 * budget, idle shares go to whoever asks, and a caller alone may use it all.
 */
export function admit(fields: LedgerFields, request: AdmissionRequest): Admission {
  const { nowMs, caller } = request;
  fields.set(`s:${caller}`, String(nowMs));
  let resetAt = num(fields, 'resetAt');
  if (resetAt === undefined) {
    // Nothing seen yet: GreenLake's first answers will tell us
    increment(fields, `u:${caller}`);
    return { admitted: true };
  }
  const windowMs = num(fields, 'windowMs') ?? DEFAULT_WINDOW_MS;
  if (nowMs >= resetAt) {
    // The window ended: presume a fresh one until GreenLake's answers say otherwise
    clearUsage(fields);
    resetAt = nowMs + windowMs;
    fields.set('resetAt', String(resetAt));
    const limit = num(fields, 'limit');
    if (limit === undefined) {
      fields.delete('remaining');
    } else {
      fields.set('remaining', String(limit));
    }
  }
  const remaining = num(fields, 'remaining');
  if (remaining === undefined) {
    increment(fields, `u:${caller}`);
    return { admitted: true };
  }
  if (remaining <= 0) {
    return { admitted: false, reason: 'spent', resetAt };
  }
  if (request.fairShare && !withinShare(fields, request, remaining, windowMs)) {
    return { admitted: false, reason: 'share', resetAt };
  }
  fields.set('remaining', String(remaining - 1));
  increment(fields, `u:${caller}`);
  return { admitted: true };
}

function withinShare(
  fields: LedgerFields,
  request: AdmissionRequest,
  remaining: number,
  windowMs: number,
): boolean {
  const activeSince = request.nowMs - windowMs;
  const active: string[] = [];
  let used = 0;
  for (const [field, value] of fields) {
    if (field.startsWith('s:') && Number(value) >= activeSince) {
      active.push(field.slice(2));
    }
    if (field.startsWith('u:')) {
      used += Number(value);
    }
  }
  const budget = num(fields, 'limit') ?? remaining + used;
  const weightOf = (name: string): number => request.weights[name] ?? request.defaultWeight;
  const totalWeight = active.reduce((sum, name) => sum + weightOf(name), 0);
  const usedBy = (name: string): number => num(fields, `u:${name}`) ?? 0;
  const shareOf = (name: string): number => (budget * weightOf(name)) / totalWeight;
  if (usedBy(request.caller) + 1 <= shareOf(request.caller)) {
    return true;
  }
  let owedToOthers = 0;
  for (const name of active) {
    if (name !== request.caller) {
      owedToOthers += Math.max(0, shareOf(name) - usedBy(name));
    }
  }
  return remaining - owedToOthers >= 1;
}

function clearUsage(fields: LedgerFields): void {
  for (const field of [...fields.keys()]) {
    if (field.startsWith('u:')) {
      fields.delete(field);
    }
  }
}

function forgetIdleCallers(fields: LedgerFields, before: number): void {
  for (const [field, value] of [...fields]) {
    if (field.startsWith('s:') && Number(value) < before) {
      fields.delete(field);
    }
  }
}

function increment(fields: LedgerFields, field: string): void {
  fields.set(field, String((num(fields, field) ?? 0) + 1));
}

function num(fields: LedgerFields, field: string): number | undefined {
  const value = fields.get(field);
  return value === undefined ? undefined : Number(value);
}
