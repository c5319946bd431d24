import { jsonShapeProblem } from './json-shape.util';

const limits = { maxDepth: 3, maxWidth: 4 };

describe(jsonShapeProblem.name, () => {
  it.each([
    ['{}', undefined],
    ['[[[1]]]', undefined],
    ['[[[[1]]]]', 'the JSON body is nested deeper than 3 levels'],
    ['{"a":{"b":{"c":{}}}}', 'the JSON body is nested deeper than 3 levels'],
    ['[1,2,3,4]', undefined],
    ['[1,2,3,4,5]', 'an array or object of the JSON body has more than 4 entries'],
    [
      '{"a":1,"b":2,"c":3,"d":4,"e":5}',
      'an array or object of the JSON body has more than 4 entries',
    ],
    ['[[1,2],[3,4],[5,6],[7,8]]', undefined],
    ['["[[[[[[", "\\"[[[[", ",,,,,,"]', undefined],
    ['"[[[[[[[[[["', undefined],
  ])('%s → %s', (text, expected) => {
    expect(jsonShapeProblem(text, limits)).toBe(expected);
  });

  it('scans 100000 levels without a stack', () => {
    expect(jsonShapeProblem('['.repeat(100_000), { maxDepth: 32, maxWidth: 10 })).toMatch(/deeper/);
  });
});
