import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import type { DualAuthOperationWire } from 'src/upstream/wire/dual-auth-operation.wire';
import type { IssueWire, IssuesMetadataWire } from 'src/upstream/wire/issue.wire';
import type { SecretAssignmentWire } from 'src/upstream/wire/secret-assignment.wire';
import type { SecretWire } from 'src/upstream/wire/secret.wire';
import type { SettingWire } from 'src/upstream/wire/setting.wire';
import type { SoftwareReleaseWire } from 'src/upstream/wire/software-release.wire';
import type { StorageLocationWire } from 'src/upstream/wire/storage-location.wire';
import type { TagWire } from 'src/upstream/wire/tag.wire';
import { sha256Hex } from 'src/simulator/http/hash.util';
import { Collection } from './collection';
import { type CreatedOperation, viewOperation } from './operation-progress';
import { type SeedContext, createSeedContext } from './seed-context';
import { seedDualAuthOperations } from './seed-dual-auth';
import { issuesMetadata, seedIssues } from './seed-issues';
import { seedOperations } from './seed-operations';
import { seedSecrets } from './seed-secrets';
import { seedSettings } from './seed-settings';
import { seedSoftwareReleases } from './seed-software-releases';
import { seedStorageLocations } from './seed-storage-locations';
import { seedTags } from './seed-tags';

/** A virtual machine created through the virtualization pass-through. */
export interface VirtualMachineRecord {
  id: string;
  name: string;
  createdAtMs: number;
  createOperationId: string;
  deleteOperationId?: string;
}

/** A workspace id that is already 32 hex characters is its customerId; any other is hashed into one. */
export function customerIdFor(workspaceId: string): string {
  return /^[0-9a-f]{32}$/.test(workspaceId)
    ? workspaceId
    : sha256Hex(`workspace:${workspaceId}`).slice(0, 32);
}

/** Everything one workspace sees in one region: seeded on first use, mutated by writes, dropped by reset(). */
export class WorkspaceData {
  readonly context: SeedContext;
  readonly seededOperations: Collection<AsyncOperationWire>;
  readonly createdOperations = new Collection<CreatedOperation>();
  readonly issues: Collection<IssueWire>;
  readonly issuesMetadata: IssuesMetadataWire;
  readonly secrets: Collection<SecretWire>;
  /** id → sha256 of the secret value: enough to tell a change, never the value. */
  readonly secretFingerprints: Map<string, string>;
  readonly secretAssignments: Collection<SecretAssignmentWire>;
  readonly settings: Collection<SettingWire>;
  readonly softwareReleases: Collection<SoftwareReleaseWire>;
  readonly storageLocations: readonly StorageLocationWire[];
  readonly tags: Collection<TagWire>;
  readonly dualAuthOperations: Collection<DualAuthOperationWire>;
  readonly virtualMachines = new Collection<VirtualMachineRecord>();
  private readonly endedViews = new Map<string, AsyncOperationWire>();

  constructor(region: string, workspaceId: string, suggestedPollingIntervalSeconds: number) {
    this.context = createSeedContext(
      region,
      workspaceId,
      customerIdFor(workspaceId),
      suggestedPollingIntervalSeconds,
    );
    this.seededOperations = new Collection(seedOperations(this.context));
    this.issues = new Collection(seedIssues(this.context));
    this.issuesMetadata = issuesMetadata(this.context);
    const secrets = seedSecrets(this.context);
    this.secrets = new Collection(secrets.secrets);
    this.secretFingerprints = secrets.fingerprints;
    this.secretAssignments = new Collection(secrets.assignments);
    this.settings = new Collection(seedSettings(this.context));
    this.softwareReleases = new Collection(seedSoftwareReleases(this.context));
    this.storageLocations = seedStorageLocations();
    this.tags = new Collection(seedTags(this.context));
    this.dualAuthOperations = new Collection(seedDualAuthOperations(this.context));
  }

  get customerId(): string {
    return this.context.customerId;
  }

  /** Seeded operations, then the created ones as they stand at `nowMs`. */
  operationViews(nowMs: number): AsyncOperationWire[] {
    const created = this.createdOperations.all().map((operation) => this.viewOf(operation, nowMs));
    return [...this.seededOperations.all(), ...created];
  }

  operationView(id: string, nowMs: number): AsyncOperationWire | undefined {
    const created = this.createdOperations.get(id);
    return created ? this.viewOf(created, nowMs) : this.seededOperations.get(id);
  }

  // An ended operation never changes again: keep its view, so that lists stay cheap under load
  private viewOf(operation: CreatedOperation, nowMs: number): AsyncOperationWire {
    const ended = this.endedViews.get(operation.id);
    if (ended) {
      return ended;
    }
    const view = viewOperation(operation, nowMs, this.context.suggestedPollingIntervalSeconds);
    if (view.endedAt) {
      this.endedViews.set(operation.id, view);
    }
    return view;
  }
}

/** Lazily seeded WorkspaceData per (region, workspace). */
export class WorkspaceStore {
  private readonly data = new Map<string, WorkspaceData>();

  constructor(private readonly suggestedPollingIntervalSeconds: number) {}

  get(region: string, workspaceId: string): WorkspaceData {
    const key = `${region}\u0000${workspaceId}`;
    let workspace = this.data.get(key);
    if (!workspace) {
      workspace = new WorkspaceData(region, workspaceId, this.suggestedPollingIntervalSeconds);
      this.data.set(key, workspace);
    }
    return workspace;
  }

  clear(): void {
    this.data.clear();
  }
}
