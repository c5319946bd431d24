import { SeededRandom } from './seeded-random';

describe(SeededRandom.name, () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const sequence = (seed: string): string[] => {
      const random = new SeededRandom(seed);
      return [random.uuid(), random.hex(8), String(random.int(1, 100))];
    };
    expect(sequence('us-west|ws|issues')).toEqual(sequence('us-west|ws|issues'));
    expect(sequence('us-west|ws|issues')).not.toEqual(sequence('eu-west|ws|issues'));
  });

  it('makes version-4-shaped uuids', () => {
    const random = new SeededRandom('uuids');
    for (let index = 0; index < 50; index += 1) {
      expect(random.uuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('keeps int() within its bounds and picks by weight', () => {
    const random = new SeededRandom('bounds');
    const ints = Array.from({ length: 500 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const picks = Array.from({ length: 1000 }, () =>
      random.weighted([
        ['rare', 1],
        ['common', 9],
      ] as const),
    );
    expect(picks.filter((pick) => pick === 'common').length).toBeGreaterThan(800);
  });
});
