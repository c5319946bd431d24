import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { SECRET_KIND_NAMES, SECRET_KINDS } from './secret-kinds';
import { secretValueProblem } from './secret-value.util';

const SCHEMAS = SECRET_KIND_NAMES.map((kind) => ({
  type: 'object' as const,
  title: kind,
  required: [kind],
  properties: {
    [kind]: {
      type: 'object' as const,
      properties: Object.fromEntries(
        SECRET_KINDS[kind].fields.map((field) => [field, { type: 'string', format: 'password' }]),
      ),
    },
  },
}));

/** The write-only `secret` of a create body (the update body is its partial): exactly one kind, checked like GreenLake. */
export function SecretValueProperty(): PropertyDecorator {
  const swagger = {
    description:
      'The secret value, write-only: exactly one of ' +
      SECRET_KIND_NAMES.join(', ') +
      '. It is sent to GreenLake and never returned or logged.',
    oneOf: SCHEMAS,
    example: { basicAuth: { username: 'backup-svc', password: 'example-only' } },
  };
  return applyDecorators(
    ApiProperty(swagger),
    ValidateBy({
      name: 'isSecretValue',
      validator: {
        validate: (value: unknown) => secretValueProblem(value) === undefined,
        defaultMessage: (args) => secretValueProblem(args?.value) ?? 'secret is not acceptable',
      },
    }),
  );
}
