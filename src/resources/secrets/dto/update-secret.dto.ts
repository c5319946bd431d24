import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { SecretValueProperty } from 'src/resources/secrets/secret-value.decorator';
import type { SecretValueWire } from 'src/upstream/wire/secret.wire';

/** `SecretRedef` / `SecretResourceRedef`: a new value (same kind), description or groups. */
export class UpdateSecretDto {
  @SecretValueProperty({ required: false })
  secret?: SecretValueWire;

  @ApiPropertyOptional({ example: 'Rotated on 2024-05-01', maxLength: 4096 })
  @IsString()
  @MaxLength(4096)
  @IsOptional()
  description?: string;

  @ApiPropertyOptional({ type: [String], example: ['0123456789abcdef0123456789abcdef'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  @IsOptional()
  groups?: string[];
}
