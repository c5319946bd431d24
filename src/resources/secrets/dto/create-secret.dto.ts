import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SecretValueProperty } from 'src/resources/secrets/secret-value.decorator';
import type { SecretValueWire } from 'src/upstream/wire/secret.wire';
import { SecretAssigneeDto } from './secret-assignee.dto';

/** `SecretSpec` (or `AssignedSecretSpec` with assignees). */
export class CreateSecretDto {
  @ApiProperty({ example: 'array-backup-credentials', maxLength: 256 })
  @IsString()
  @MaxLength(256)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    example: 'backup-and-recovery',
    maxLength: 256,
    description: 'The service the secret is for; may be empty',
  })
  @IsString()
  @MaxLength(256)
  service!: string;

  @SecretValueProperty()
  secret!: SecretValueWire;

  @ApiPropertyOptional({ example: 'Credentials of the backup array', maxLength: 4096 })
  @IsString()
  @MaxLength(4096)
  @IsOptional()
  description?: string;

  @ApiPropertyOptional({ example: 'backup', maxLength: 256 })
  @IsString()
  @MaxLength(256)
  @IsOptional()
  label?: string;

  @ApiPropertyOptional({ type: [String], example: ['0123456789abcdef0123456789abcdef'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  @IsOptional()
  groups?: string[];

  @ApiPropertyOptional({ example: 'backup-array-1', maxLength: 256 })
  @IsString()
  @MaxLength(256)
  @IsOptional()
  lifecycleEventKey?: string;

  @ApiPropertyOptional({
    type: [SecretAssigneeDto],
    description: 'Appliances to assign the secret to (at most 120)',
  })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => SecretAssigneeDto)
  @IsOptional()
  assignees?: SecretAssigneeDto[];
}
