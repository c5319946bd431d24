import { tokenizeFilter } from './filter-lexer';
import { FilterSyntaxError } from './filter-syntax-error';

describe(tokenizeFilter.name, () => {
  it('reads properties, operators, strings, numbers, booleans and uuids', () => {
    const tokens = tokenizeFilter(
      "parent/id eq 2f01f86f-4600-4f92-9f72-885b5f7b01c4 and count gt -1.5 and flag eq true and name eq 'x'",
    );
    expect(tokens.map((token) => token.kind)).toEqual([
      'identifier',
      'identifier',
      'uuid',
      'identifier',
      'identifier',
      'identifier',
      'number',
      'identifier',
      'identifier',
      'identifier',
      'boolean',
      'identifier',
      'identifier',
      'identifier',
      'string',
      'end',
    ]);
    expect(tokens[0]).toEqual({ kind: 'identifier', text: 'parent/id', position: 1 });
    expect(tokens[6]).toMatchObject({ kind: 'number', value: -1.5 });
  });

  it('unescapes a doubled quote inside a string', () => {
    expect(tokenizeFilter("name eq 'O''Brien'")[2]).toEqual({
      kind: 'string',
      value: "O'Brien",
      position: 9,
    });
  });

  it('lower-cases unquoted uuids', () => {
    expect(tokenizeFilter('2F01F86F-4600-4F92-9F72-885B5F7B01C4')[0]).toMatchObject({
      kind: 'uuid',
      value: '2f01f86f-4600-4f92-9f72-885b5f7b01c4',
    });
  });

  it('reads parentheses and commas of a value list', () => {
    expect(tokenizeFilter("severity in ('A','B')").map((token) => token.kind)).toEqual([
      'identifier',
      'identifier',
      'lparen',
      'string',
      'comma',
      'string',
      'rparen',
      'end',
    ]);
  });

  it.each([
    ["name eq 'abc", /unterminated string literal starting at position 9/],
    ['name eq "abc"', /single quotes/],
    ['name = 1', /unexpected '=' at position 6/],
    ['createdAt gt 2024-01-01T00:00:00Z', /unexpected '2024-01-01T00:00:00Z'/],
    ['parent/ eq 1', /unexpected 'parent\/'/],
  ])('rejects %s', (input, message) => {
    expect(() => tokenizeFilter(input)).toThrow(FilterSyntaxError);
    expect(() => tokenizeFilter(input)).toThrow(message);
  });
});
