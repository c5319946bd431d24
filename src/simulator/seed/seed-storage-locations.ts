import type { StorageLocationWire } from 'src/upstream/wire/storage-location.wire';
import { DAY_MS, SEED_EPOCH_MS, iso } from './seed-context';

type Provider = StorageLocationWire['cloudServiceProvider'];
type Geography = StorageLocationWire['geography'];

// A fixed catalogue (storage locations are the provider's regions, not customer data); only
// 'backup-and-recovery' is a documented capability, the second one is made up so filters can differ
const LOCATIONS: readonly (readonly [
  Provider,
  string,
  Geography,
  string,
  string,
  readonly string[],
])[] = [
  ['AWS', 'us-east-1', 'North America', 'Ashburn', 'America/New_York', ['backup-and-recovery']],
  ['AWS', 'us-west-2', 'North America', 'Portland', 'America/Los_Angeles', ['backup-and-recovery']],
  [
    'AWS',
    'ca-central-1',
    'North America',
    'Montreal',
    'America/Toronto',
    ['backup-and-recovery', 'archive'],
  ],
  ['AWS', 'eu-central-1', 'Europe', 'Frankfurt', 'Europe/Berlin', ['backup-and-recovery']],
  ['AWS', 'eu-west-1', 'Europe', 'Dublin', 'Europe/Dublin', ['backup-and-recovery', 'archive']],
  ['AWS', 'eu-west-2', 'Europe', 'London', 'Europe/London', ['archive']],
  ['AWS', 'ap-northeast-1', 'Asia Pacific', 'Tokyo', 'Asia/Tokyo', ['backup-and-recovery']],
  ['AWS', 'ap-southeast-2', 'Asia Pacific', 'Sydney', 'Australia/Sydney', ['backup-and-recovery']],
  ['AZURE', 'eastus', 'North America', 'Virginia', 'America/New_York', ['backup-and-recovery']],
  [
    'AZURE',
    'westeurope',
    'Europe',
    'Amsterdam',
    'Europe/Amsterdam',
    ['backup-and-recovery', 'archive'],
  ],
  ['GCP', 'us-central1', 'North America', 'Council Bluffs', 'America/Chicago', ['archive']],
  ['GCP', 'asia-northeast1', 'Asia Pacific', 'Tokyo', 'Asia/Tokyo', ['backup-and-recovery']],
];

/** 12 storage locations; ids like `aws:us-east-1`, and no customerId (as upstream). */
export function seedStorageLocations(): StorageLocationWire[] {
  return LOCATIONS.map(([provider, providerId, geography, city, timezone, capabilities], index) => {
    const id = `${provider.toLowerCase()}:${providerId}`;
    const createdAt = iso(SEED_EPOCH_MS - (400 - index * 10) * DAY_MS);
    return {
      id,
      type: 'data-services/storage-location',
      name: `${provider} ${city} (${providerId})`,
      resourceUri: `/data-services/v1beta1/storage-locations/${id}`,
      generation: 1,
      createdAt,
      updatedAt: createdAt,
      capabilities: [...capabilities],
      city,
      cloudServiceProvider: provider,
      cloudServiceProviderId: providerId,
      geography,
      timezone,
    };
  });
}
