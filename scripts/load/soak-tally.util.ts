/** How the soak sorts what callers saw; pure, so that the rules are unit-tested. */

/** Upstream trouble the gateway may pass on (mapped, in its error shape); nothing else. */
export const ALLOWED_ERROR_STATUSES: readonly number[] = [429, 502, 503, 504];

export interface Outcome {
  /** 0 when no HTTP answer came (connection error, timeout). */
  status: number;
  /** The `code` of the gateway's error shape, when the body had one. */
  code?: string;
  /** Why no answer came. */
  failure?: string;
}

/** 'ok', `<status> <code>` for an allowed mapped error, or a kind starting with 'BAD'. */
export function kindOf(outcome: Outcome): string {
  if (outcome.status === 0) {
    return `BAD no answer: ${outcome.failure ?? 'unknown'}`;
  }
  if (outcome.status >= 200 && outcome.status < 300) {
    return 'ok';
  }
  if (ALLOWED_ERROR_STATUSES.includes(outcome.status)) {
    return outcome.code ? `${outcome.status} ${outcome.code}` : `BAD ${outcome.status} unmapped`;
  }
  return `BAD ${outcome.status} ${outcome.code ?? 'unmapped'}`;
}

export function isBad(kind: string): boolean {
  return kind.startsWith('BAD');
}

/** Counts per operation and kind. */
export class OutcomeTally {
  private readonly counts = new Map<string, Map<string, number>>();

  add(operation: string, kind: string): void {
    const kinds = this.counts.get(operation) ?? new Map<string, number>();
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    this.counts.set(operation, kinds);
  }

  /** operation → kind → count, sorted for a stable report. */
  snapshot(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const operation of [...this.counts.keys()].sort()) {
      out[operation] = Object.fromEntries(
        [...(this.counts.get(operation) ?? new Map<string, number>()).entries()].sort(),
      );
    }
    return out;
  }

  /** kind → count over every operation. */
  byKind(): Record<string, number> {
    const totals = new Map<string, number>();
    for (const kinds of this.counts.values()) {
      for (const [kind, count] of kinds) {
        totals.set(kind, (totals.get(kind) ?? 0) + count);
      }
    }
    return Object.fromEntries([...totals.entries()].sort());
  }

  badCount(): number {
    return Object.entries(this.byKind())
      .filter(([kind]) => isBad(kind))
      .reduce((sum, [, count]) => sum + count, 0);
  }
}

/** p50 and max of a list of milliseconds (0 when empty). */
export function summarise(values: number[]): { p50: number; max: number; samples: number } {
  if (values.length === 0) {
    return { p50: 0, max: 0, samples: 0 };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    p50: round(sorted[Math.floor((sorted.length - 1) / 2)]),
    max: round(sorted[sorted.length - 1]),
    samples: sorted.length,
  };
}
