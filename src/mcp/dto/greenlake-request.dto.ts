import { Allow, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export const READ_METHODS = ['GET'] as const;
export const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type GreenLakeMethod = (typeof ALL_METHODS)[number];

/** The arguments of the generic `greenlake_request` tool (the region is read before). */
export class GreenLakeRequestDto {
  @IsIn(ALL_METHODS, { message: `method must be one of ${ALL_METHODS.join(', ')}` })
  method!: GreenLakeMethod;

  @IsString()
  @MaxLength(2048)
  path!: string;

  @IsObject({ message: 'query must be an object of parameter names and values' })
  @IsOptional()
  query?: Record<string, unknown>;

  // Any JSON: GreenLake judges it
  @Allow()
  body?: unknown;
}
