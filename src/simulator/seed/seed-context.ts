import type { GroupIdNamePairWire } from 'src/upstream/wire/common.wire';
import { SeededRandom } from './seeded-random';

/** Seeded timestamps lie before this fixed date, never relative to now, so every run is identical. */
export const SEED_EPOCH_MS = Date.parse('2026-06-01T00:00:00.000Z');

export const DAY_MS = 86_400_000;

export interface SeedContext {
  region: string;
  workspaceId: string;
  customerId: string;
  /** The workspace's "Default Group". */
  defaultGroup: GroupIdNamePairWire;
  suggestedPollingIntervalSeconds: number;
  /** A PRNG for one resource family: adding a family never shifts the values of another. */
  randomFor(resource: string): SeededRandom;
}

export function createSeedContext(
  region: string,
  workspaceId: string,
  customerId: string,
  suggestedPollingIntervalSeconds: number,
): SeedContext {
  const randomFor = (resource: string): SeededRandom =>
    new SeededRandom(`${region}|${workspaceId}|${resource}`);
  return {
    region,
    workspaceId,
    customerId,
    // Recorded payloads use the customerId as the id of the Default Group (the spec says uuid)
    defaultGroup: { id: customerId, name: 'Default Group' },
    suggestedPollingIntervalSeconds,
    randomFor,
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export const USER_EMAILS = [
  'ada.lovelace@example.com',
  'grace.hopper@example.com',
  'alan.turing@example.com',
  'katherine.johnson@example.com',
  'edsger.dijkstra@example.com',
  'barbara.liskov@example.com',
] as const;
