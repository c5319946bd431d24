import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An operation that waits for a second person's approval, as GreenLake returns it. */
export class DualAuthOperationResponseDto {
  @ApiProperty({ format: 'uuid', example: '0d9f8e7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f' })
  id!: string;

  @ApiProperty({ example: 'data-services/dual-auth-operation' })
  type!: string;

  @ApiPropertyOptional({ example: 'PENDING', description: 'PENDING, APPROVED, CANCELLED, ...' })
  state?: string;

  @ApiPropertyOptional({ example: 'DELETE' })
  requestedOperation?: string;

  @ApiPropertyOptional({ example: 'Delete protection policy gold-daily' })
  description?: string;

  @ApiPropertyOptional({ example: 'ops@example.com' })
  requestedByEmail?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2024-05-01T10:00:00Z' })
  requestedAt?: string;

  @ApiPropertyOptional({ example: 'security@example.com' })
  checkedByEmail?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2024-05-01T10:05:00Z' })
  checkedAt?: string;

  @ApiPropertyOptional({ example: 'Backup and Recovery' })
  sourceServiceExternalName?: string;

  @ApiPropertyOptional({
    example: [
      {
        resource: {
          type: 'backup-recovery/protection-policy',
          resourceUri: '/backup-recovery/v1beta1/protection-policies/1a2b',
          name: 'gold-daily',
        },
      },
    ],
  })
  associatedResources?: unknown[];

  @ApiProperty({ example: 1 })
  generation!: number;
}
