import type { IssueWire, IssuesMetadataWire } from 'src/upstream/wire/issue.wire';
import { DAY_MS, SEED_EPOCH_MS, type SeedContext, iso } from './seed-context';

export const ISSUES_PATH = '/data-services/v1beta1/issues';
/** What an un-snoozed issue shows as snoozedUntil. */
export const ZERO_TIMESTAMP = '0001-01-01T00:00:00Z';

interface IssueTemplate {
  category: string;
  severity: string;
  body: string;
  recommendation: string;
  sourceResourceType: string;
  service: string;
}

const TEMPLATES: readonly IssueTemplate[] = [
  {
    category: 'CAPACITY',
    severity: 'CRITICAL',
    body: 'Pool capacity is above 95% of its usable space.',
    recommendation: 'Add capacity or move volumes to another pool.',
    sourceResourceType: 'storage-pool',
    service: 'data-ops-manager',
  },
  {
    category: 'CAPACITY',
    severity: 'WARNING',
    body: 'Protection store usage is above 80%.',
    recommendation: 'Review retention of the protection policies.',
    sourceResourceType: 'protection-store',
    service: 'backup-and-recovery',
  },
  {
    category: 'PERFORMANCE',
    severity: 'WARNING',
    body: 'Volume latency is above 10 ms for the last hour.',
    recommendation: 'Check the host workload and the array headroom.',
    sourceResourceType: 'volume',
    service: 'data-ops-manager',
  },
  {
    category: 'PERFORMANCE',
    severity: 'INFO',
    body: 'Read cache hit ratio dropped below 70%.',
    recommendation: 'No action is needed unless latency rises.',
    sourceResourceType: 'storage-system',
    service: 'data-ops-manager',
  },
  {
    category: 'AVAILABILITY',
    severity: 'CRITICAL',
    body: 'The data orchestrator has not reported for 30 minutes.',
    recommendation: 'Check the network path and restart the orchestrator.',
    sourceResourceType: 'data-orchestrator',
    service: 'backup-and-recovery',
  },
  {
    category: 'AVAILABILITY',
    severity: 'WARNING',
    body: 'A hypervisor host is in maintenance mode.',
    recommendation: 'Exit maintenance mode when the work is done.',
    sourceResourceType: 'hypervisor-host',
    service: 'private-cloud-business-edition',
  },
  {
    category: 'DATA_PROTECTION',
    severity: 'WARNING',
    body: 'The last two protection jobs of this virtual machine failed.',
    recommendation: 'Inspect the job logs and rerun the protection job.',
    sourceResourceType: 'virtual-machine',
    service: 'backup-and-recovery',
  },
  {
    category: 'SOFTWARE',
    severity: 'INFO',
    body: 'A software update is available for this system.',
    recommendation: 'Run the software prechecks, then update.',
    sourceResourceType: 'system',
    service: 'private-cloud-business-edition',
  },
];

export const ISSUE_CATEGORIES = [...new Set(TEMPLATES.map((t) => t.category))];
export const ISSUE_SERVICES = [...new Set(TEMPLATES.map((t) => t.service))];
export const ISSUE_SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'];

/** 40 active issues (state CREATED), mixed severities, categories and services. */
export function seedIssues(context: SeedContext): IssueWire[] {
  const random = context.randomFor('issues');
  return Array.from({ length: 40 }, (_, index) => {
    const template = TEMPLATES[index % TEMPLATES.length];
    const id = random.uuid();
    const createdMs =
      SEED_EPOCH_MS - random.int(1, 60) * DAY_MS + random.int(0, DAY_MS / 1000) * 1000;
    const lastOccurredMs = createdMs + random.int(0, 48) * 3_600_000;
    const sourceResourceId = random.uuid();
    const sourceName = `${template.sourceResourceType}-${random.hex(4)}`;
    const sourceUri = `/data-services/v1beta1/${template.sourceResourceType}s/${sourceResourceId}`;
    return {
      id,
      type: 'data-services/issue',
      generation: random.int(1, 4),
      createdAt: iso(createdMs),
      updatedAt: iso(lastOccurredMs),
      resourceUri: `${ISSUES_PATH}/${id}`,
      customerId: context.customerId,
      name: `${template.category.toLowerCase()} issue on ${sourceName}`,
      body: template.body,
      recommendation: template.recommendation,
      category: template.category,
      issueType: 'ISSUE',
      severity: template.severity,
      state: 'CREATED',
      services: [template.service],
      lastOccurredAt: iso(lastOccurredMs),
      occurrenceCount: random.int(1, 25),
      groups: [context.defaultGroup],
      relatedResources: [
        {
          id: sourceResourceId,
          type: template.sourceResourceType,
          resourceUri: sourceUri,
          name: sourceName,
        },
      ],
      sourceResourceId,
      sourceResourceType: template.sourceResourceType,
      snoozed: false,
      snoozedBy: '',
      snoozedFor: 'NONE',
      snoozedUntil: ZERO_TIMESTAMP,
    };
  });
}

/** The one IssuesMetadata item: the values of category, services and severity. */
export function issuesMetadata(context: SeedContext): IssuesMetadataWire {
  const id = context.randomFor('issues-metadata').uuid();
  const pairs = (values: string[]): { key: string; value: string }[] =>
    values.map((value) => ({
      key: value,
      value: value.charAt(0) + value.slice(1).toLowerCase().replace(/[_-]/g, ' '),
    }));
  return {
    id,
    type: 'data-services/issues-metadata',
    generation: 1,
    createdAt: iso(SEED_EPOCH_MS - 90 * DAY_MS),
    updatedAt: iso(SEED_EPOCH_MS - 90 * DAY_MS),
    resourceUri: `/data-services/v1beta1/issues-metadata/${id}`,
    customerId: context.customerId,
    categories: pairs(ISSUE_CATEGORIES),
    services: ISSUE_SERVICES.map((service) => ({ key: service, value: service })),
    severities: pairs(ISSUE_SEVERITIES),
  };
}
