import type { SecretsService } from 'src/resources/secrets/secrets.service';
import { CreateSecretDto } from 'src/resources/secrets/dto/create-secret.dto';
import { DeleteSecretQueryDto } from 'src/resources/secrets/dto/delete-secret-query.dto';
import { ListSecretsQueryDto } from 'src/resources/secrets/dto/list-secrets-query.dto';
import { SecretParamsDto } from 'src/resources/secrets/dto/secret-params.dto';
import { UpdateSecretDto } from 'src/resources/secrets/dto/update-secret.dto';
import {
  SECRET_KIND_NAMES,
  SECRET_KINDS,
  SECRET_SUBCLASSIFIERS,
} from 'src/resources/secrets/secret-kinds';
import type { McpTool } from 'src/mcp/mcp-tool.type';
import { pick, validated } from 'src/mcp/tool-input.util';
import {
  enumProperty,
  PropertySchema,
  stringProperty,
  uuidProperty,
} from 'src/mcp/tool-schema.util';
import {
  DESTRUCTIVE,
  listTool,
  READ_ONLY,
  simpleTool,
  ToolKit,
  WRITES,
} from './tool-builders.util';

const secretId = uuidProperty('Secret id (from list_secrets)');
const KINDS = SECRET_KIND_NAMES.map((kind) => `${kind} {${SECRET_KINDS[kind].fields.join(',')}}`);
const secretValue: PropertySchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  description: `Write-only value, exactly one kind: ${KINDS.join('; ')}`,
};
const groups: PropertySchema = { type: 'array', items: { type: 'string' }, maxItems: 100 };
const CREATE_FIELDS = ['name', 'service', 'secret', 'description', 'label', 'groups'] as const;
const UPDATE_FIELDS = ['secret', 'description', 'groups'] as const;

/** list/get/create/update/delete secrets: values go to GreenLake and never come back. */
export function secretTools(kit: ToolKit, secrets: SecretsService): McpTool[] {
  const paramsOf = async (args: Record<string, unknown>, region: string) =>
    validated(SecretParamsDto, { region, ...pick(args, ['secretId']) });
  return [
    listTool(kit, {
      name: 'list_secrets',
      description: 'List stored secrets (metadata only, never values).',
      resource: 'secrets',
      dto: ListSecretsQueryDto,
      filters: {
        name: stringProperty('Exact name'),
        service: stringProperty('e.g. backup-and-recovery'),
        classifier: stringProperty('e.g. SECRET'),
        subclassifier: enumProperty(SECRET_SUBCLASSIFIERS),
      },
      list: (call, query) => secrets.listSecrets(call, query),
    }),
    simpleTool(kit, {
      name: 'get_secret',
      description: "Get one secret's metadata (never its value).",
      properties: { secretId },
      required: ['secretId'],
      annotations: READ_ONLY,
      run: async (args, call) =>
        secrets.getSecret(call, (await paramsOf(args, call.region.name)).secretId),
    }),
    simpleTool(kit, {
      name: 'create_secret',
      description: 'Store a new secret (e.g. array credentials) for a service.',
      properties: {
        name: stringProperty('Unique name', { maxLength: 256 }),
        service: stringProperty('Service it is for, e.g. backup-and-recovery (may be empty)'),
        secret: secretValue,
        description: stringProperty('Free text', { maxLength: 4096 }),
        label: stringProperty('Short label', { maxLength: 256 }),
        groups,
      },
      required: ['name', 'service', 'secret'],
      annotations: WRITES,
      writeMethod: 'POST',
      run: async (args, call) => {
        const body = await validated(CreateSecretDto, pick(args, CREATE_FIELDS));
        return (await secrets.createSecret(call, body)).secret;
      },
    }),
    simpleTool(kit, {
      name: 'update_secret',
      description: "Replace a secret's value (same kind), description or groups.",
      properties: {
        secretId,
        secret: secretValue,
        description: stringProperty('Free text', { maxLength: 4096 }),
        groups,
      },
      required: ['secretId'],
      annotations: { ...WRITES, idempotentHint: true },
      writeMethod: 'PATCH',
      run: async (args, call) => {
        const { secretId: id } = await paramsOf(args, call.region.name);
        const body = await validated(UpdateSecretDto, pick(args, UPDATE_FIELDS));
        return secrets.updateSecret(call, id, body);
      },
    }),
    simpleTool(kit, {
      name: 'delete_secret',
      description: 'Delete a secret for good; safe=true refuses one a service has locked.',
      properties: {
        secretId,
        safe: {
          type: 'boolean',
          default: false,
          description: 'Refuse (409) a delete-locked secret',
        },
      },
      required: ['secretId'],
      annotations: DESTRUCTIVE,
      writeMethod: 'DELETE',
      run: async (args, call) => {
        const { secretId: id } = await paramsOf(args, call.region.name);
        const query = await validated(DeleteSecretQueryDto, pick(args, ['safe']));
        await secrets.deleteSecret(call, id, query.safe);
        return { deleted: true, secretId: id };
      },
    }),
  ];
}
