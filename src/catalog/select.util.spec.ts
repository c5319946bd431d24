import { FIELD_LIST_PATTERN, mergeSelect, parseFieldList, selectProblem } from './select.util';

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

  describe(selectProblem.name, () => {
    const rules = { required: [], properties: ['id', 'name', 'state', 'createdAt'] };

    it('accepts selectable properties', () => {
      expect(selectProblem('fields', ['id', 'state'], rules)).toBeUndefined();
      expect(selectProblem('fields', [], rules)).toBeUndefined();
    });

    it('names an unknown property, the closest selectable one and all of them', () => {
      expect(selectProblem('fields', ['id', 'nmae'], rules)).toBe(
        "fields: unknown property 'nmae' (did you mean 'name'?); selectable: id, name, state, createdAt",
      );
    });

    it('names several unknown ones once each, guessing only where one is near', () => {
      expect(selectProblem('select', ['stat', 'colour', 'stat'], rules)).toBe(
        "select: unknown properties 'stat' (did you mean 'state'?), 'colour'; selectable: id, name, state, createdAt",
      );
    });

    it('is case-sensitive, as GreenLake is, and suggests the right case', () => {
      expect(selectProblem('fields', ['ID'], rules)).toBe(
        "fields: unknown property 'ID' (did you mean 'id'?); selectable: id, name, state, createdAt",
      );
    });
  });
});
