/** `StorageLocation`: not a uuid resource (`id` like `aws:us-east-1`) and it has no customerId. */
export interface StorageLocationWire {
  id: string;
  type: string;
  name: string;
  resourceUri: string;
  generation: number;
  createdAt: string;
  updatedAt: string;
  /** E.g. `backup-and-recovery`. */
  capabilities: string[];
  city: string;
  cloudServiceProvider: 'AWS' | 'AZURE' | 'GCP';
  /** E.g. `us-east-1`. */
  cloudServiceProviderId: string;
  geography: 'North America' | 'Europe' | 'Asia Pacific';
  timezone: string;
}
