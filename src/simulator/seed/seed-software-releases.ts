import type { SoftwareReleaseWire } from 'src/upstream/wire/software-release.wire';
import { DAY_MS, SEED_EPOCH_MS, type SeedContext, iso } from './seed-context';

export const SOFTWARE_RELEASES_PATH = '/data-services/v1beta1/software-releases';

const COMPONENTS = [
  ['Data Services Connector', 'dsc', 'ova'],
  ['Data Orchestrator', 'orchestrator', 'ova'],
  ['Protection Store Gateway', 'psg', 'ova'],
  ['StoreOnce VSA', 'storeonce-vsa', 'iso'],
  ['Private Cloud Agent', 'pcbe-agent', 'tar.gz'],
  ['Morpheus Integration', 'morpheus-plugin', 'zip'],
] as const;

export const RELEASES_PER_COMPONENT = 20;

/**
 * 120 releases (6 components × 20, so paging past the maximum limit of 100 matters); about one in
 * seven is not downloadable.
 */
export function seedSoftwareReleases(context: SeedContext): SoftwareReleaseWire[] {
  const random = context.randomFor('software-releases');
  const releases: SoftwareReleaseWire[] = [];
  for (const [componentName, slug, extension] of COMPONENTS) {
    const component = {
      id: random.uuid(),
      name: componentName,
      type: 'data-services/software-component',
    };
    let major = random.int(1, 5);
    let minor = 0;
    let patch = 0;
    let createdMs = SEED_EPOCH_MS - 700 * DAY_MS + random.int(0, 30) * DAY_MS;
    for (let index = 0; index < RELEASES_PER_COMPONENT; index += 1) {
      if (index > 0) {
        if (random.chance(0.15)) {
          major += 1;
          minor = 0;
          patch = 0;
        } else if (random.chance(0.4)) {
          minor += 1;
          patch = 0;
        } else {
          patch += 1;
        }
      }
      const version = random.chance(0.25)
        ? `${major}.${minor}.${patch}-${random.int(1, 999)}`
        : `${major}.${minor}.${patch}`;
      createdMs += random.int(10, 40) * DAY_MS + random.int(0, 86_399) * 1000;
      const id = random.uuid();
      const filename = `${slug}-${version}.${extension}`;
      releases.push({
        id,
        type: 'data-services/software-release',
        name: `${componentName} v${version}`,
        generation: 1,
        createdAt: iso(createdMs),
        updatedAt: iso(createdMs),
        resourceUri: `${SOFTWARE_RELEASES_PATH}/${id}`,
        customerId: context.customerId,
        version,
        stability: 'GENERAL_AVAILABILITY',
        usage: index === 0 ? 'INSTALL' : random.pick(['INSTALL', 'UPGRADE', 'UNIVERSAL']),
        downloadable: !random.chance(0.15),
        softwareComponent: component,
        software: {
          filename,
          sha256Checksum: random.hex(64),
          sizeInBytes: random.int(50, 4000) * 1_048_576,
        },
        signature: random.chance(0.8)
          ? { filename: `${filename}.sig`, sha256Checksum: random.hex(64), sizeInBytes: 512 }
          : null,
      });
    }
  }
  return releases;
}
