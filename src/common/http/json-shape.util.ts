export interface JsonShapeLimits {
  maxDepth: number;
  /** Entries of one array or object. */
  maxWidth: number;
}

/**
 * Why a JSON text nests deeper or wider than the limits allow, or undefined. A single pass over the
 * text without recursion, before anything parses it: so that `[` × 5000 never reaches a recursive
 * parser, transformer or validator (whose stacks overflow at a few thousand levels).
 */
export function jsonShapeProblem(text: string, limits: JsonShapeLimits): string | undefined {
  const entries: number[] = [];
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === BACKSLASH) {
        index += 1;
      } else if (char === QUOTE) {
        inString = false;
      }
      continue;
    }
    if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_BRACKET || char === OPEN_BRACE) {
      entries.push(1);
      if (entries.length > limits.maxDepth) {
        return `the JSON body is nested deeper than ${limits.maxDepth} levels`;
      }
    } else if (char === CLOSE_BRACKET || char === CLOSE_BRACE) {
      entries.pop();
    } else if (char === COMMA && entries.length > 0) {
      const count = (entries[entries.length - 1] += 1);
      if (count > limits.maxWidth) {
        return `an array or object of the JSON body has more than ${limits.maxWidth} entries`;
      }
    }
  }
  return undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
