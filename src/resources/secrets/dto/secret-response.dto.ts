import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A secret's metadata (`SecretResourceDef`): GreenLake never returns the value, nor does the gateway. */
export class SecretResponseDto {
  @ApiProperty({ format: 'uuid', example: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427' })
  id!: string;

  @ApiProperty({ example: '/data-services/secret' })
  type!: string;

  @ApiProperty({ example: 'array-backup-credentials' })
  name!: string;

  @ApiProperty({ example: 'backup-and-recovery' })
  service!: string;

  @ApiProperty({ example: '0123456789abcdef0123456789abcdef' })
  customerId!: string;

  @ApiProperty({ example: '/data-services/v1beta1/secrets/1b4e28ba-2fa1-4d2b-883f-0016d3cca427' })
  resourceUri!: string;

  @ApiProperty({ example: 1 })
  generation!: number;

  @ApiProperty({ format: 'date-time', example: '2024-05-01T10:00:00Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2024-05-01T10:00:00Z' })
  updatedAt!: string;

  @ApiProperty({ example: { name: 'SECRET' } })
  classifier!: { name: string };

  @ApiProperty({ example: { name: 'BASIC_AUTH', properties: {} } })
  subclassifier!: { name: string; properties?: Record<string, unknown> };

  @ApiProperty({
    example: {
      name: 'CONFIGURATION',
      properties: { CREATED_BY: 'backup-svc', DESCRIPTION: '', LOCK_DELETE: false },
    },
  })
  domain!: { name: string; properties?: Record<string, unknown> };

  @ApiProperty({ example: 'NOT_APPLIED' })
  status!: string;

  @ApiProperty({ format: 'date-time', example: '2024-05-01T10:00:00Z' })
  statusUpdatedAt!: string;

  @ApiPropertyOptional({ example: 'backup' })
  label?: string;

  @ApiPropertyOptional({ example: 0 })
  assignmentsCount?: number;

  @ApiPropertyOptional({
    example: [{ id: '0123456789abcdef0123456789abcdef', name: 'Default Group' }],
  })
  groups?: { id: string; name?: string; resourceUri?: string }[];
}
