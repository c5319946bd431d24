import { etagOf, generationOf, ifNoneMatchHits } from './etag.util';

describe('etagOf', () => {
  it('is a quoted hash of the body, the same for the same bytes and different otherwise', () => {
    expect(etagOf('{"a":1}')).toBe(etagOf(Buffer.from('{"a":1}')));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
    expect(etagOf('{}')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  it("is GreenLake's generation for an item", () => {
    expect(etagOf('{}', '7')).toBe('"7"');
    expect(generationOf({ id: 'x', generation: 7 })).toBe('7');
    expect(generationOf({ generation: '12' })).toBe('12');
    expect(generationOf({ generation: 'v2' })).toBeUndefined();
    expect(generationOf({ items: [] })).toBeUndefined();
    expect(generationOf([{ generation: 1 }])).toBeUndefined();
  });
});

describe('ifNoneMatchHits', () => {
  it('matches one of a list, a weak form of the tag, or *', () => {
    expect(ifNoneMatchHits('"a", "b"', '"b"')).toBe(true);
    expect(ifNoneMatchHits('W/"b"', '"b"')).toBe(true);
    expect(ifNoneMatchHits('*', '"b"')).toBe(true);
    expect(ifNoneMatchHits('"c"', '"b"')).toBe(false);
    expect(ifNoneMatchHits(undefined, '"b"')).toBe(false);
  });
});
