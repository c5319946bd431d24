import { RESOURCE_CATALOG } from './resource-catalog';
import { RESOURCE_NAMES } from './resource-spec.type';

describe('RESOURCE_CATALOG select rules', () => {
  const selecting = Object.values(RESOURCE_CATALOG).filter((spec) => spec.select);

  it('lists selectable properties for exactly the resources GreenLake selects', () => {
    expect(selecting.map((spec) => spec.name)).toEqual([
      'tasks',
      'issues',
      'software-releases',
      'settings',
      'dual-auth-operations',
    ]);
    expect(RESOURCE_NAMES.filter((name) => !RESOURCE_CATALOG[name].select)).toEqual([
      'secrets',
      'storage-locations',
      'tags',
    ]);
  });

  it.each(selecting.map((spec) => [spec.name, spec] as const))(
    '%s: the common properties, each once, and every required, default or sortable one among them',
    (_name, spec) => {
      const { properties, required } = spec.select!;
      expect(new Set(properties).size).toBe(properties.length);
      expect(properties.slice(0, 8)).toEqual([
        'id',
        'type',
        'generation',
        'createdAt',
        'updatedAt',
        'resourceUri',
        'customerId',
        'name',
      ]);
      const outside = (names: readonly string[]) =>
        names.filter((name) => !properties.includes(name));
      expect(outside(required)).toEqual([]);
      expect(outside(spec.defaults.select)).toEqual([]);
      expect(outside(spec.sort?.fields ?? [])).toEqual([]);
    },
  );
});
