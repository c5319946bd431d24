import type { TagWire } from 'src/upstream/wire/tag.wire';
import type { SeedContext } from './seed-context';

const VALUES: Readonly<Record<string, readonly string[]>> = {
  environment: ['production', 'staging', 'development', 'lab', 'dr', 'test', 'sandbox'],
  owner: [
    'storage-team',
    'platform-team',
    'dba-team',
    'finance',
    'backup-team',
    'network-team',
    'security',
  ],
  'cost-center': ['cc-1001', 'cc-1002', 'cc-2001', 'cc-3005', 'cc-4100', 'cc-4200', 'cc-5000'],
  location: ['Houston', 'Frankfurt', 'Tokyo', 'Boston', 'Lyon', 'Houston-2', 'Singapore'],
  application: ['erp', 'crm', 'web', 'analytics', 'mail', 'vdi', 'backup'],
  tier: ['gold', 'silver', 'bronze', 'platinum'],
  compliance: ['pci', 'hipaa', 'gdpr', 'sox', 'none'],
  project: ['apollo', 'gemini', 'mercury', 'artemis', 'voyager', 'pioneer', 'viking'],
};

/** 50 distinct key/value tags. */
export function seedTags(context: SeedContext): TagWire[] {
  const random = context.randomFor('tags');
  const pairs = Object.entries(VALUES).flatMap(([key, values]) =>
    values.map((value) => [key, value] as const),
  );
  // A seeded shuffle, then the first 50 pairs, so that every (key, value) is unique
  for (let index = pairs.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [pairs[index], pairs[other]] = [pairs[other], pairs[index]];
  }
  return pairs.slice(0, 50).map(([key, value]) => ({
    id: random.uuid(),
    type: 'data-services/tag',
    customerId: context.customerId,
    key,
    value,
  }));
}
