import { FilterSyntaxError } from './filter-syntax-error';

export type FilterToken =
  | { kind: 'identifier'; text: string; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'number'; value: number; text: string; position: number }
  | { kind: 'uuid'; value: string; position: number }
  | { kind: 'boolean'; value: boolean; position: number }
  | { kind: 'lparen' | 'rparen' | 'comma' | 'end'; position: number };

const UUID =
  /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/y;
const NUMBER = /-?\d+(\.\d+)?/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/y;
const WORD_CHAR = /[\w/:.-]/;

/** Splits an OData-style filter into tokens; positions are 1-based for messages. */
export function tokenizeFilter(input: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let index = 0;
  while (index < input.length) {
    const char = input[index];
    const position = index + 1;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'lparen' : char === ')' ? 'rparen' : 'comma', position });
      index += 1;
    } else if (char === "'") {
      index = readString(input, index, tokens);
    } else if (char === '"') {
      throw new FilterSyntaxError(
        `double quotes at position ${position}: string literals use single quotes`,
      );
    } else {
      index = readWord(input, index, tokens);
    }
  }
  tokens.push({ kind: 'end', position: input.length + 1 });
  return tokens;
}

/** A single-quoted literal; a doubled quote ('') stands for one quote. */
function readString(input: string, start: number, tokens: FilterToken[]): number {
  let value = '';
  let index = start + 1;
  while (index < input.length) {
    if (input[index] === "'") {
      if (input[index + 1] === "'") {
        value += "'";
        index += 2;
        continue;
      }
      tokens.push({ kind: 'string', value, position: start + 1 });
      return index + 1;
    }
    value += input[index];
    index += 1;
  }
  throw new FilterSyntaxError(`unterminated string literal starting at position ${start + 1}`);
}

function readWord(input: string, start: number, tokens: FilterToken[]): number {
  const position = start + 1;
  const uuid = matchAt(UUID, input, start);
  if (uuid) {
    tokens.push({ kind: 'uuid', value: uuid.toLowerCase(), position });
    return start + uuid.length;
  }
  const number = matchAt(NUMBER, input, start);
  if (number && !WORD_CHAR.test(input[start + number.length] ?? '')) {
    tokens.push({ kind: 'number', value: Number(number), text: number, position });
    return start + number.length;
  }
  const identifier = matchAt(IDENTIFIER, input, start);
  if (identifier && !/[/\w-]/.test(input[start + identifier.length] ?? '')) {
    if (identifier === 'true' || identifier === 'false') {
      tokens.push({ kind: 'boolean', value: identifier === 'true', position });
    } else {
      tokens.push({ kind: 'identifier', text: identifier, position });
    }
    return start + identifier.length;
  }
  const word = /[^\s(),']+/.exec(input.slice(start))?.[0] ?? input[start];
  throw new FilterSyntaxError(`unexpected '${word}' at position ${position}`);
}

function matchAt(pattern: RegExp, input: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(input)?.[0];
}
