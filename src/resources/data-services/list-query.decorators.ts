import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { scanFilter } from 'src/catalog/odata-filter.util';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import type { ResourceName } from 'src/catalog/resource-spec.type';
import { FIELD_LIST_PATTERN, parseFieldList, selectProblem } from 'src/catalog/select.util';
import { sortProblem } from 'src/catalog/sort.util';
import { toRfc3339 } from 'src/catalog/timestamp.util';

const MAX_VALUE_LENGTH = 256;

/**
 * Examples of optional filters go in the description, not in `example`: Swagger UI pre-fills
 * `example` into "Try it out", and a pre-filled filter would narrow a first try down to nothing.
 */
const withExample = (description: string, example: string): string =>
  `${description.replace(/\.$/, '')}. Example: \`${example}\``;

/** The 400 of a `limit` over the resource's GreenLake maximum (also its Swagger example). */
export function maxLimitMessage(resource: ResourceName): string {
  const { label, paging } = RESOURCE_CATALOG[resource];
  if (!paging) {
    throw new Error(`${resource} is not paged`);
  }
  return `limit must not be greater than ${paging.maxLimit} (the GreenLake maximum for ${label})`;
}

/** The 400 of a `filter` longer than the resource allows (also its Swagger example). */
export function maxFilterLengthMessage(resource: ResourceName): string {
  return `filter must be at most ${RESOURCE_CATALOG[resource].maxFilterLength} characters`;
}

/** `limit`: an integer within the resource's GreenLake range; the message names the maximum. */
export function LimitQuery(resource: ResourceName): PropertyDecorator {
  const { paging } = RESOURCE_CATALOG[resource];
  if (!paging) {
    throw new Error(`${resource} is not paged`);
  }
  const { minLimit, maxLimit, defaultLimit } = paging;
  return applyDecorators(
    ApiPropertyOptional({
      minimum: minLimit,
      maximum: maxLimit,
      default: defaultLimit,
      example: Math.min(defaultLimit, 50) || maxLimit,
      description: `Page size (GreenLake's default ${defaultLimit}, maximum ${maxLimit})`,
    }),
    Type(() => Number),
    IsInt({ message: 'limit must be an integer' }),
    Min(minLimit, { message: `limit must not be less than ${minLimit}` }),
    Max(maxLimit, { message: maxLimitMessage(resource) }),
    IsOptional(),
  );
}

/** `sort`: `property [asc|desc]`, comma-separated, on the properties the resource can sort. */
export function SortQuery(resource: ResourceName): PropertyDecorator {
  const { sort, defaults } = RESOURCE_CATALOG[resource];
  if (!sort) {
    throw new Error(`${resource} cannot be sorted`);
  }
  const several = sort.maxProperties === 1 ? 'one property only' : 'several separated by commas';
  return applyDecorators(
    ApiPropertyOptional({
      description: `\`property [asc|desc]\`, ${several}. Sortable: ${sort.fields.join(', ')}`,
      example: defaults.sort ?? `${sort.fields[0]} asc`,
    }),
    IsString(),
    MaxLength(500),
    ValidateBy({
      name: 'isSort',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !sortProblem(value, sort),
        defaultMessage: (args) =>
          sortProblem(String(args?.value), sort) ?? 'sort is not acceptable',
      },
    }),
    IsOptional(),
  );
}

/**
 * `fields`: top-level properties the resource can select, sent as GreenLake's `select`. A property
 * it cannot select is a 400 naming the closest one and all of them, before anything goes upstream.
 */
export function FieldsQuery(resource: ResourceName): PropertyDecorator {
  const { select } = RESOURCE_CATALOG[resource];
  if (!select) {
    throw new Error(`${resource} has no select`);
  }
  const always =
    select.required.length > 0
      ? ` ${select.required.join(', ')} are always added (GreenLake requires them).`
      : '';
  const problem = (value: string): string | undefined =>
    FIELD_LIST_PATTERN.test(value)
      ? selectProblem('fields', parseFieldList(value), select)
      : undefined;
  return applyDecorators(
    ApiPropertyOptional({
      description: withExample(
        `Properties to return, comma-separated (GreenLake's \`select\`; top-level only).${always} ` +
          `Selectable: ${select.properties.join(', ')}`,
        'id,name,createdAt',
      ),
    }),
    IsString(),
    MaxLength(1000),
    Matches(FIELD_LIST_PATTERN, {
      message: 'fields must be property names separated by commas, e.g. id,name',
    }),
    // A malformed list gets only the message above
    ValidateBy({
      name: 'isSelectable',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !problem(value),
        defaultMessage: (args) => problem(String(args?.value)) ?? 'fields is not acceptable',
      },
    }),
    IsOptional(),
  );
}

/** `filter`: a raw GreenLake filter, AND-ed with the friendly parameters. */
export function RawFilterQuery(resource: ResourceName, example: string): PropertyDecorator {
  const { maxFilterLength } = RESOURCE_CATALOG[resource];
  return applyDecorators(
    ApiPropertyOptional({
      description: withExample(
        'A GreenLake filter (OData subset), AND-ed with the other filter parameters. ' +
          "String values are single-quoted, a quote inside doubled (`'o''brien'`).",
        example,
      ),
      maxLength: maxFilterLength,
    }),
    IsString(),
    MaxLength(maxFilterLength, { message: maxFilterLengthMessage(resource) }),
    ValidateBy({
      name: 'isFilter',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !scanFilter(value).unterminated,
        defaultMessage: () =>
          "filter has an unterminated string literal (quote ' is doubled inside)",
      },
    }),
    IsOptional(),
  );
}

/** A friendly filter value: any text (it is quoted and escaped), at most 256 characters. */
export function FilterValueQuery(description: string, example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: withExample(description, example),
      maxLength: MAX_VALUE_LENGTH,
    }),
    IsString(),
    MaxLength(MAX_VALUE_LENGTH),
    Matches(/\S/, { message: '$property must not be blank' }),
    IsOptional(),
  );
}

/** A friendly filter value from a closed list. */
export function FilterEnumQuery(
  description: string,
  values: readonly string[],
  example = values[0],
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: withExample(description, example), enum: values }),
    IsIn(values, { message: `$property must be one of ${values.join(', ')}` }),
    IsOptional(),
  );
}

/** A date bound: ISO 8601 date or date-time with a zone, sent to GreenLake in RFC 3339 UTC. */
export function TimestampQuery(description: string, example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: withExample(description, example), format: 'date-time' }),
    ValidateBy({
      name: 'isTimestamp',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && toRfc3339(value) !== undefined,
        defaultMessage: (args) =>
          `${args?.property} must be an ISO 8601 date (2024-05-01) or date-time with a zone (2024-05-01T12:00:00Z)`,
      },
    }),
    IsOptional(),
  );
}

/** `offset` */
export function OffsetQuery(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 0, default: 0, example: 0, description: 'Items to skip' }),
    Type(() => Number),
    IsInt({ message: 'offset must be an integer' }),
    Min(0, { message: 'offset must not be less than 0' }),
    IsOptional(),
  );
}

/** `all=true|false`: query strings are text, so only the two words are accepted. */
export function BooleanQuery(description: string, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, default: false, description }),
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    IsBoolean({ message: '$property must be true or false', ...options }),
    IsOptional(),
  );
}

/** `maxItems` for all=true. */
export function MaxItemsQuery(ceiling: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      minimum: 1,
      maximum: ceiling,
      default: ceiling,
      example: 500,
      description: `With all=true: the most items to return; more matches are a 400 (ceiling ${ceiling})`,
    }),
    Type(() => Number),
    IsInt({ message: 'maxItems must be an integer' }),
    Min(1, { message: 'maxItems must be at least 1' }),
    Max(ceiling, { message: `maxItems must not be greater than ${ceiling}` }),
    IsOptional(),
  );
}
