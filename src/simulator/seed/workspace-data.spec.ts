import { WorkspaceData, customerIdFor } from './workspace-data';

describe(WorkspaceData.name, () => {
  it('seeds the documented amounts of every resource', () => {
    const data = new WorkspaceData('us-west', 'ws', 30);
    expect({
      operations: data.seededOperations.size,
      issues: data.issues.size,
      secrets: data.secrets.size,
      assignments: data.secretAssignments.size,
      settings: data.settings.size,
      releases: data.softwareReleases.size,
      locations: data.storageLocations.length,
      tags: data.tags.size,
      dualAuth: data.dualAuthOperations.size,
    }).toEqual({
      operations: 250,
      issues: 40,
      secrets: 30,
      assignments: 30,
      settings: 15,
      releases: 120,
      locations: 12,
      tags: 50,
      dualAuth: 25,
    });
  });

  it('is identical for the same region and workspace, different for another', () => {
    const snapshot = (region: string, workspace: string): string => {
      const data = new WorkspaceData(region, workspace, 30);
      return JSON.stringify([
        data.seededOperations.all(),
        data.issues.all(),
        data.secrets.all(),
        data.tags.all(),
      ]);
    };
    expect(snapshot('us-west', 'ws')).toBe(snapshot('us-west', 'ws'));
    expect(snapshot('us-west', 'ws')).not.toBe(snapshot('eu-west', 'ws'));
    expect(snapshot('us-west', 'ws')).not.toBe(snapshot('us-west', 'other'));
  });

  it('has operation trees, varied states and both documented services', () => {
    const operations = new WorkspaceData('us-west', 'ws', 30).seededOperations.all();
    const children = operations.filter((operation) => operation.parent);
    expect(children.length).toBeGreaterThan(5);
    expect(
      operations.find((operation) => operation.id === children[0].parent?.id)?.hasChildOperations,
    ).toBe(true);
    expect(new Set(operations.map((operation) => operation.state))).toEqual(
      new Set(['SUCCEEDED', 'FAILED', 'RUNNING', 'INITIALIZED', 'CANCELLED', 'PAUSED', 'TIMEDOUT']),
    );
    const services = new Set(operations.flatMap((operation) => operation.services ?? []));
    expect([...services]).toEqual(
      expect.arrayContaining(['backup-and-recovery', 'private-cloud-business-edition']),
    );
  });

  it('derives a 32-hex customerId from any workspace id', () => {
    expect(customerIdFor('0123456789abcdef0123456789abcdef')).toBe(
      '0123456789abcdef0123456789abcdef',
    );
    expect(customerIdFor('my-workspace')).toMatch(/^[0-9a-f]{32}$/);
  });
});
