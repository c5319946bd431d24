import { BadRequestException, ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { closestName } from 'src/catalog/closest-name.util';

// A wrong type says it all: its range or length messages would only repeat the problem
const TYPE_CONSTRAINTS = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isNumberString',
  'isBoolean',
  'isBooleanString',
  'isEnum',
  'isIn',
  'isUUID',
  'isArray',
  'isObject',
  'isDateString',
  'isISO8601',
]);

/**
 * The ValidationPipe's exceptionFactory: one message per problem. A missing required field says
 * "X is required"; a wrong type gives only its type message; an unknown parameter names the closest
 * known one ("did you mean state?").
 */
export function validationException(errors: ValidationError[]): BadRequestException {
  return new BadRequestException({ message: errors.flatMap((error) => messagesOf(error, '')) });
}

function messagesOf(error: ValidationError, parent: string): string[] {
  const path = parent ? `${parent}.${error.property}` : error.property;
  const nested = (error.children ?? []).flatMap((child) => messagesOf(child, path));
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints);
  if (names.length === 0) {
    return nested;
  }
  if (names.includes('whitelistValidation')) {
    const suggestion = closestProperty(error.property, error.target);
    const said = constraints.whitelistValidation;
    return [suggestion ? `${said} (did you mean ${suggestion}?)` : said, ...nested];
  }
  if (error.value === undefined && !names.includes('isDefined')) {
    return [`${path} is required`, ...nested];
  }
  const typeNames = names.filter((name) => TYPE_CONSTRAINTS.has(name));
  const chosen = typeNames.length > 0 ? typeNames.slice(0, 1) : names;
  return [...chosen.map((name) => constraints[name]), ...nested];
}

/** The known property of the DTO nearest to `unknown` (at most two edits away), if any. */
function closestProperty(unknown: string, target: object | undefined): string | undefined {
  if (!target) {
    return undefined;
  }
  const known = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(target.constructor, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
  return closestName(unknown, known);
}
