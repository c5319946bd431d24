import { closestName } from './closest-name.util';

describe(closestName.name, () => {
  const known = ['id', 'name', 'state', 'createdAt'];

  it('names the nearest known name within two edits, ignoring case', () => {
    expect(closestName('nmae', known)).toBe('name');
    expect(closestName('stat', known)).toBe('state');
    expect(closestName('CreatedAT', known)).toBe('createdAt');
    expect(closestName('createAt', known)).toBe('createdAt');
  });

  it('keeps the first of equally near names', () => {
    expect(closestName('ab', ['ax', 'ay'])).toBe('ax');
  });

  it('gives no guess three edits or more away', () => {
    expect(closestName('zzzzzzzz', known)).toBeUndefined();
    expect(closestName('colour', known)).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });
});
