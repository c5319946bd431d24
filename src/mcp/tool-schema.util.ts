import type { ToolInputSchema } from './mcp-tool.type';

export type PropertySchema = Record<string, unknown>;

/** An object schema that allows nothing but the named properties. */
export function objectSchema(
  properties: Record<string, PropertySchema>,
  required: string[] = [],
): ToolInputSchema {
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

export const stringProperty = (
  description: string,
  extra: PropertySchema = {},
): PropertySchema => ({
  type: 'string',
  description,
  ...extra,
});

export const uuidProperty = (description: string): PropertySchema =>
  stringProperty(description, { format: 'uuid' });

export const enumProperty = (values: readonly string[], description?: string): PropertySchema => ({
  type: 'string',
  enum: [...values],
  ...(description ? { description } : {}),
});

export const integerProperty = (
  minimum: number,
  maximum: number,
  description: string,
  extra: PropertySchema = {},
): PropertySchema => ({ type: 'integer', minimum, maximum, description, ...extra });
