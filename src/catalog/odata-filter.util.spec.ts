import {
  andFilters,
  eq,
  friendlyFilters,
  gt,
  lt,
  memberOf,
  quoteLiteral,
  scanFilter,
} from './odata-filter.util';

describe('odata-filter.util', () => {
  describe(quoteLiteral.name, () => {
    it.each([
      ['plain', "'plain'"],
      ["o'brien", "'o''brien'"],
      ["''", "''''''"],
      ["x' or name eq 'admin", "'x'' or name eq ''admin'"],
      ['', "''"],
    ])('quotes %j as %s', (value, quoted) => {
      expect(quoteLiteral(value)).toBe(quoted);
    });

    it('leaves no way out of the literal: the result scans as one closed string', () => {
      for (const value of ["'", "a''", "' and '", "\\'", "'''"]) {
        const filter = eq('name', value);
        expect(scanFilter(filter)).toEqual({ unterminated: false, usesOr: false });
      }
      expect(scanFilter(eq('name', "x' or name eq 'y")).usesOr).toBe(false);
    });
  });

  it('builds the comparisons GreenLake documents', () => {
    expect(eq('state', 'RUNNING')).toBe("state eq 'RUNNING'");
    expect(eq('parent/id', 'abc')).toBe("parent/id eq 'abc'");
    expect(gt('createdAt', '2024-05-01T00:00:00.000Z')).toBe(
      "createdAt gt '2024-05-01T00:00:00.000Z'",
    );
    expect(lt('createdAt', '2024-06-01')).toBe("createdAt lt '2024-06-01'");
    expect(memberOf('backup-and-recovery', 'services')).toBe("'backup-and-recovery' in services");
  });

  describe(andFilters.name, () => {
    it('joins with and, skipping blanks', () => {
      expect(andFilters(["a eq 'x'", undefined, '  ', "b eq 'y'"])).toBe("a eq 'x' and b eq 'y'");
    });
    it('is undefined when nothing is left', () => {
      expect(andFilters([undefined, ''])).toBeUndefined();
    });
  });

  describe(friendlyFilters.name, () => {
    interface Query {
      state?: string;
      service?: string;
      other?: string;
    }
    const table = {
      service: (v: string) => memberOf(v, 'services'),
      state: (v: string) => eq('state', v),
    };

    it("keeps the table's order and skips absent or empty values", () => {
      const query: Query = { state: 'RUNNING', service: 'x', other: 'ignored' };
      expect(friendlyFilters(query, table)).toEqual(["'x' in services", "state eq 'RUNNING'"]);
      expect(friendlyFilters({ state: '' }, table)).toEqual([]);
    });
  });

  describe(scanFilter.name, () => {
    it.each([
      ["name eq 'x'", false, false],
      ["name eq 'x", true, false],
      ["name eq 'it''s'", false, false],
      ["name eq 'it''s", true, false],
      ["a eq 'x' or b eq 'y'", false, true],
      ["a eq 'x' OR b eq 'y'", false, true],
      ["name eq 'x or y'", false, false],
      ["vendor eq 'x' and color eq 'y'", false, false],
      ["orange eq 'x'", false, false],
    ])('%s: unterminated %s, usesOr %s', (filter, unterminated, usesOr) => {
      expect(scanFilter(filter)).toEqual({ unterminated, usesOr });
    });
  });
});
