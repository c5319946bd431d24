/** What one GreenLake answer said about the budget of its (profile, region). */
export interface BudgetObservation {
  limit?: number;
  remaining: number;
  /** Epoch ms when the window resets. */
  resetAt: number;
}

// Reset values above this are epoch seconds, below it seconds from now (DESIGN.md)
const EPOCH_THRESHOLD = 1e9;

/**
 * Reads the budget from an answer's headers, in the three spellings GreenLake uses:
 * `ratelimit-limit/-remaining/-reset` (platform guide; any letter case), `X-RateLimit-*` (IAM,
 * backup-recovery), and the HTTP standard's single `RateLimit` field (IETF httpapi drafts: either
 * `limit=100, remaining=50, reset=30`, or `"default";r=50;t=30` with `RateLimit-Policy: "default";q=100`).
 * Undefined when the answer carries no budget.
 */
export function readBudgetHeaders(
  headers: Record<string, unknown>,
  nowMs: number,
): BudgetObservation | undefined {
  const lower = lowerCased(headers);
  const prefixed =
    fromTriple(lower, 'ratelimit-', nowMs) ??
    fromTriple(lower, 'x-ratelimit-', nowMs) ??
    fromStructured(lower, nowMs);
  return prefixed;
}

/** Epoch ms from a reset value: seconds from now, or epoch seconds when over 10^9. */
export function resetToEpochMs(reset: number, nowMs: number): number {
  return reset > EPOCH_THRESHOLD ? reset * 1000 : nowMs + reset * 1000;
}

function fromTriple(
  headers: Map<string, string>,
  prefix: string,
  nowMs: number,
): BudgetObservation | undefined {
  const remaining = number(headers.get(`${prefix}remaining`));
  if (remaining === undefined) {
    return undefined;
  }
  const reset = number(headers.get(`${prefix}reset`));
  return {
    limit: number(headers.get(`${prefix}limit`)),
    remaining,
    // Without a reset we assume a short window, so that a guess never blocks for long
    resetAt: resetToEpochMs(reset ?? 1, nowMs),
  };
}

function fromStructured(
  headers: Map<string, string>,
  nowMs: number,
): BudgetObservation | undefined {
  const field = headers.get('ratelimit');
  if (field === undefined) {
    return undefined;
  }
  const params = parameters(field);
  const remaining = number(params.get('remaining') ?? params.get('r'));
  if (remaining === undefined) {
    return undefined;
  }
  const policy = parameters(headers.get('ratelimit-policy') ?? '');
  const reset = number(params.get('reset') ?? params.get('t'));
  return {
    limit: number(params.get('limit') ?? policy.get('q')),
    remaining,
    resetAt: resetToEpochMs(reset ?? 1, nowMs),
  };
}

/** `limit=10, remaining=3` or `"default";r=3;t=2`: key=value pairs split on `,` and `;`. */
function parameters(field: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of field.split(/[;,]/)) {
    const [key, value] = part.split('=').map((piece) => piece.trim().toLowerCase());
    if (key && value !== undefined) {
      pairs.set(key, value);
    }
  }
  return pairs;
}

function lowerCased(headers: Record<string, unknown>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' || typeof first === 'number') {
      map.set(name.toLowerCase(), String(first));
    }
  }
  return map;
}

function number(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) {
    return undefined;
  }
  return Number(value);
}
