import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A customer setting, as GreenLake returns it; `fields` may cut a list down. */
export class SettingResponseDto {
  @ApiProperty({ format: 'uuid', example: '2c5ea4c0-4067-4b2e-9a5c-7d1f0e3b6a48' })
  id!: string;

  @ApiProperty({ example: 'data-services/setting' })
  type!: string;

  @ApiPropertyOptional({ example: 'AUDIT_LOG_RETENTION_DAYS' })
  name?: string;

  @ApiPropertyOptional({ example: '90' })
  currentValue?: string;

  @ApiPropertyOptional({ example: '90' })
  nextValue?: string;

  @ApiPropertyOptional({
    example: '["30","90","365"]',
    description: 'A JSON array, as a string',
  })
  possibleValues?: string;

  @ApiPropertyOptional({ example: 'Days audit log entries are kept' })
  description?: string;

  @ApiPropertyOptional({ example: 'Data Services' })
  externalApplicationName?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2024-05-01T10:00:00Z' })
  lastUpdatedAt?: string;

  @ApiPropertyOptional({ example: 'ops@example.com' })
  lastUpdatedBy?: string;

  @ApiProperty({ example: 2 })
  generation!: number;
}
