import { PartialType, PickType } from '@nestjs/swagger';
import { CreateSecretDto } from './create-secret.dto';

/** `SecretRedef` / `SecretResourceRedef`: a new value (same kind), description or groups. */
export class UpdateSecretDto extends PartialType(
  PickType(CreateSecretDto, ['secret', 'description', 'groups'] as const),
) {}
