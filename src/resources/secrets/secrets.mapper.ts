import type { SecretCreateWire, SecretPatchWire, SecretWire } from 'src/upstream/wire/secret.wire';
import { CreateSecretDto } from './dto/create-secret.dto';
import { UpdateSecretDto } from './dto/update-secret.dto';

/**
 * A secret as the caller sees it. GreenLake never returns values; should it ever echo the
 * write-only `secret`, it is dropped here rather than passed on.
 */
export function toSecretResponse(secret: SecretWire): SecretWire {
  if (!('secret' in secret)) {
    return secret;
  }
  const copy: Record<string, unknown> = { ...secret };
  delete copy.secret;
  return copy as unknown as SecretWire;
}

/** The create body for GreenLake: only the fields of `SecretSpec`, none left undefined. */
export function toSecretCreateWire(dto: CreateSecretDto): SecretCreateWire {
  return withoutUndefined({
    name: dto.name,
    service: dto.service,
    secret: dto.secret,
    description: dto.description,
    label: dto.label,
    groups: dto.groups,
    lifecycleEventKey: dto.lifecycleEventKey,
    assignees: dto.assignees?.map((assignee) => ({ id: assignee.id })),
  }) as SecretCreateWire;
}

export function toSecretPatchWire(dto: UpdateSecretDto): SecretPatchWire {
  return withoutUndefined({
    secret: dto.secret,
    description: dto.description,
    groups: dto.groups,
  });
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}
