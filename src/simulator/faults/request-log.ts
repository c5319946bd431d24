import { matchesRequest } from 'src/simulator/http/request-match.util';
import type { RequestMatch, SimulatedRequest } from 'src/simulator/simulator-api.type';

// Bounded, so that a long load test cannot exhaust memory; the oldest entries go first
const MAX_ENTRIES = 20_000;

export class RequestLog {
  private entries: SimulatedRequest[] = [];

  add(entry: SimulatedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES * 1.25) {
      this.entries = this.entries.slice(-MAX_ENTRIES);
    }
  }

  /** Oldest arrival first (entries are added when answered, so a slow request is added late). */
  list(match?: RequestMatch): SimulatedRequest[] {
    return this.entries
      .filter((entry) => matchesRequest(match, entry))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

  clear(): void {
    this.entries = [];
  }
}
