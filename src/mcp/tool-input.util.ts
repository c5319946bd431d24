import { Type, ValidationPipe } from '@nestjs/common';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';
import { invalidRequest } from 'src/resources/data-services/invalid-request.util';
import type { McpToolContext } from './mcp-tool.type';
import type { UpstreamCall } from 'src/regions/upstream-call.type';

// The global pipe's settings (app.module.ts), so that a tool's input is refused with the same
// messages as the same input on the REST surface
const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

/** The arguments as the DTO class reads them, or a 400 VALIDATION_FAILED with class-validator's messages. */
export async function validated<T extends object>(
  dto: Type<T>,
  value: Record<string, unknown>,
): Promise<T> {
  return (await pipe.transform(value, { type: 'body', metatype: dto })) as T;
}

/** Refuses arguments the tool's schema does not name, as the REST surface refuses unknown parameters. */
export function onlyKnown(args: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(args).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw invalidRequest(...unknown.map((name) => `property ${name} should not exist`));
  }
}

/** The properties of `args` named in `names` (those given), for one DTO. */
export function pick(
  args: Record<string, unknown>,
  names: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    names.filter((name) => args[name] !== undefined).map((name) => [name, args[name]]),
  );
}

/** The call for the tool's `region` argument (checked like a path's region), or the default region's. */
export async function callOf(
  args: Record<string, unknown>,
  context: McpToolContext,
): Promise<UpstreamCall> {
  if (args.region === undefined) {
    return context.callFor();
  }
  const { region } = await validated(RegionParamsDto, { region: args.region });
  return context.callFor(region);
}
