import { type FilterToken, tokenizeFilter } from './filter-lexer';
import { FilterSyntaxError } from './filter-syntax-error';

export type FilterLiteral =
  | { type: 'string'; value: string }
  | { type: 'uuid'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean };

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'lt';
export type FilterFunction = 'contains' | 'startswith';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'compare'; operator: ComparisonOperator; property: string; value: FilterLiteral }
  /** `prop in ('a','b')`: the property's value is one of the literals. */
  | { kind: 'inList'; property: string; values: FilterLiteral[] }
  /** `'a' in prop`: the array property contains the literal. */
  | { kind: 'has'; property: string; value: FilterLiteral }
  | { kind: 'call'; fn: FilterFunction; property: string; value: FilterLiteral };

type Operand = { kind: 'property'; name: string } | { kind: 'literal'; literal: FilterLiteral };

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'lt']);
const KNOWN_UNSUPPORTED = new Set(['ge', 'le', 'has', 'not', 'endswith', 'any', 'all']);
const MIRRORED: Record<ComparisonOperator, ComparisonOperator> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  lt: 'gt',
};

/**
 * Parses the GreenLake filter subset (GREENLAKE-FACTS §5):
 *   expr    := and ('or' and)*
 *   and     := term ('and' term)*
 *   term    := fn '(' property ',' literal ')' | operand op operand | property 'in' '(' literal, ... ')'
 * Grouping with parentheses is not supported upstream, so it is rejected here.
 */
export function parseFilter(input: string): FilterNode {
  return new FilterParser(tokenizeFilter(input)).parse();
}

class FilterParser {
  private index = 0;

  constructor(private readonly tokens: FilterToken[]) {}

  parse(): FilterNode {
    if (this.peek().kind === 'end') {
      throw new FilterSyntaxError('the expression is empty');
    }
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') {
      throw new FilterSyntaxError(
        `unexpected ${describe(next)} at position ${next.position} after the end of the expression`,
      );
    }
    return node;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.peekKeyword('or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseTerm();
    while (this.peekKeyword('and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.parseTerm() };
    }
    return left;
  }

  private parseTerm(): FilterNode {
    const first = this.peek();
    if (first.kind === 'lparen') {
      throw new FilterSyntaxError(
        `grouping with parentheses (position ${first.position}) is not supported`,
      );
    }
    if (first.kind === 'identifier' && this.tokens[this.index + 1]?.kind === 'lparen') {
      return this.parseCall(first);
    }
    if (first.kind === 'identifier' && first.text.toLowerCase() === 'not') {
      throw new FilterSyntaxError(`'not' (position ${first.position}) is not supported`);
    }
    const left = this.parseOperand();
    const operatorToken = this.next();
    const operator = operatorToken.kind === 'identifier' ? operatorToken.text.toLowerCase() : '';
    if (operator === 'in') {
      return this.parseIn(left, operatorToken.position);
    }
    if (!COMPARISONS.has(operator)) {
      if (KNOWN_UNSUPPORTED.has(operator)) {
        throw new FilterSyntaxError(
          `operator '${operator}' (position ${operatorToken.position}) is not supported`,
        );
      }
      throw new FilterSyntaxError(
        `expected an operator (eq, ne, gt, lt, in) at position ${operatorToken.position} but found ${describe(operatorToken)}`,
      );
    }
    const right = this.parseOperand();
    return this.comparison(operator as ComparisonOperator, left, right, operatorToken.position);
  }

  private parseCall(nameToken: Extract<FilterToken, { kind: 'identifier' }>): FilterNode {
    const fn = nameToken.text.toLowerCase();
    if (fn !== 'contains' && fn !== 'startswith') {
      throw new FilterSyntaxError(
        `unknown function '${nameToken.text}' at position ${nameToken.position} (known: contains, startswith)`,
      );
    }
    this.index += 2;
    const property = this.expectProperty();
    this.expect('comma', `',' after the property of ${fn}()`);
    const value = this.expectLiteral();
    this.expect('rparen', `')' to close ${fn}()`);
    return { kind: 'call', fn, property, value };
  }

  private parseIn(left: Operand, position: number): FilterNode {
    if (this.peek().kind === 'lparen') {
      if (left.kind !== 'property') {
        throw new FilterSyntaxError(
          `'in (...)' at position ${position} needs a property on its left`,
        );
      }
      this.index += 1;
      const values = [this.expectLiteral()];
      while (this.peek().kind === 'comma') {
        this.index += 1;
        values.push(this.expectLiteral());
      }
      this.expect('rparen', "')' to close the value list");
      return { kind: 'inList', property: left.name, values };
    }
    const right = this.parseOperand();
    if (left.kind !== 'literal' || right.kind !== 'property') {
      throw new FilterSyntaxError(
        `'in' at position ${position} takes a value and an array property ('x' in services) or a property and a list (severity in ('A','B'))`,
      );
    }
    return { kind: 'has', property: right.name, value: left.literal };
  }

  private comparison(
    operator: ComparisonOperator,
    left: Operand,
    right: Operand,
    position: number,
  ): FilterNode {
    if (left.kind === 'property' && right.kind === 'literal') {
      return { kind: 'compare', operator, property: left.name, value: right.literal };
    }
    if (left.kind === 'literal' && right.kind === 'property') {
      return {
        kind: 'compare',
        operator: MIRRORED[operator],
        property: right.name,
        value: left.literal,
      };
    }
    throw new FilterSyntaxError(
      `'${operator}' at position ${position} must compare a property with a value (strings in single quotes)`,
    );
  }

  private parseOperand(): Operand {
    const token = this.next();
    switch (token.kind) {
      case 'identifier':
        if (token.text === 'and' || token.text === 'or') {
          throw new FilterSyntaxError(`unexpected '${token.text}' at position ${token.position}`);
        }
        return { kind: 'property', name: token.text };
      case 'string':
      case 'uuid':
      case 'number':
      case 'boolean':
        return { kind: 'literal', literal: literalOf(token) };
      case 'lparen':
      case 'rparen':
      case 'comma':
      case 'end':
        throw new FilterSyntaxError(
          `expected a property or a value at position ${token.position} but found ${describe(token)}`,
        );
    }
  }

  private expectProperty(): string {
    const token = this.next();
    if (token.kind !== 'identifier') {
      throw new FilterSyntaxError(
        `expected a property at position ${token.position} but found ${describe(token)}`,
      );
    }
    return token.text;
  }

  private expectLiteral(): FilterLiteral {
    const token = this.next();
    if (
      token.kind === 'string' ||
      token.kind === 'uuid' ||
      token.kind === 'number' ||
      token.kind === 'boolean'
    ) {
      return literalOf(token);
    }
    throw new FilterSyntaxError(
      `expected a value at position ${token.position} but found ${describe(token)} (strings go in single quotes)`,
    );
  }

  private expect(kind: 'comma' | 'rparen', what: string): void {
    const token = this.next();
    if (token.kind !== kind) {
      throw new FilterSyntaxError(
        `expected ${what} at position ${token.position} but found ${describe(token)}`,
      );
    }
  }

  private peekKeyword(keyword: 'and' | 'or'): boolean {
    const token = this.peek();
    return token.kind === 'identifier' && token.text.toLowerCase() === keyword;
  }

  private peek(): FilterToken {
    return this.tokens[this.index];
  }

  private next(): FilterToken {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') {
      this.index += 1;
    }
    return token;
  }
}

function literalOf(
  token: Extract<FilterToken, { kind: 'string' | 'uuid' | 'number' | 'boolean' }>,
): FilterLiteral {
  switch (token.kind) {
    case 'string':
      return { type: 'string', value: token.value };
    case 'uuid':
      return { type: 'uuid', value: token.value };
    case 'number':
      return { type: 'number', value: token.value };
    case 'boolean':
      return { type: 'boolean', value: token.value };
  }
}

function describe(token: FilterToken): string {
  switch (token.kind) {
    case 'identifier':
      return `'${token.text}'`;
    case 'string':
      return `the string '${token.value}'`;
    case 'number':
      return `the number ${token.text}`;
    case 'uuid':
      return `the id ${token.value}`;
    case 'boolean':
      return `${token.value}`;
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'comma':
      return "','";
    case 'end':
      return 'the end of the filter';
  }
}
