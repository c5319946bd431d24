import { FIELD_LIST_PATTERN, mergeSelect, parseFieldList } from './select.util';

describe('select.util', () => {
  it('parses a field list, trimming spaces', () => {
    expect(parseFieldList(' id , name,createdAt ')).toEqual(['id', 'name', 'createdAt']);
  });

  it.each(['id', 'id,name', ' id , name ', '_x,a1'])('accepts %j', (list) => {
    expect(FIELD_LIST_PATTERN.test(list)).toBe(true);
  });

  it.each(['', ',', 'id,', 'parent/id', 'a.b', "id'", '1a', 'id name'])('rejects %j', (list) => {
    expect(FIELD_LIST_PATTERN.test(list)).toBe(false);
  });

  describe(mergeSelect.name, () => {
    const required = ['id', 'type'];
    it("keeps the caller's order, then adds what is missing", () => {
      expect(mergeSelect(['body'], required)).toEqual(['body', 'id', 'type']);
      expect(mergeSelect(['type', 'body'], required)).toEqual(['type', 'body', 'id']);
    });
    it('never repeats a field', () => {
      expect(mergeSelect(['id', 'id', 'type'], required)).toEqual(['id', 'type']);
    });
  });
});
