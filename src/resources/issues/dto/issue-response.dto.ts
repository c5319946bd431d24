import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A GreenLake issue (`IssueDetails`), as GreenLake returns it; `fields` may cut it down. */
export class IssueResponseDto {
  @ApiProperty({ format: 'uuid', example: '3f2c1a9e-8b7d-4e6f-9a01-2b3c4d5e6f70' })
  id!: string;

  @ApiProperty({ example: 'issue' })
  type!: string;

  @ApiProperty({ example: 4 })
  generation!: number;

  @ApiProperty({ example: '0123456789abcdef0123456789abcdef' })
  customerId!: string;

  @ApiProperty({ example: '/data-services/v1beta1/issues/3f2c1a9e-8b7d-4e6f-9a01-2b3c4d5e6f70' })
  resourceUri!: string;

  @ApiProperty({ format: 'date-time', example: '2024-05-01T10:00:00Z' })
  createdAt!: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2024-05-02T08:30:00Z' })
  updatedAt?: string;

  @ApiProperty({ format: 'date-time', example: '2024-05-02T08:30:00Z' })
  lastOccurredAt?: string;

  @ApiPropertyOptional({ example: 'Volume latency above threshold' })
  name?: string;

  @ApiPropertyOptional({ example: 'Write latency on volume vol-12 exceeded 20 ms for 15 minutes' })
  body?: string;

  @ApiPropertyOptional({ example: 'PERFORMANCE' })
  category?: string;

  @ApiPropertyOptional({ example: 'ISSUE' })
  issueType?: string;

  @ApiPropertyOptional({ example: 'CRITICAL' })
  severity?: string;

  @ApiPropertyOptional({ example: 'CREATED' })
  state?: string;

  @ApiPropertyOptional({ example: 3 })
  occurrenceCount?: number;

  @ApiPropertyOptional({ type: [String], example: ['data-ops-manager'] })
  services?: string[];

  @ApiPropertyOptional({ example: false })
  snoozed?: boolean;

  @ApiPropertyOptional({ example: 'NONE' })
  snoozedFor?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '0001-01-01T00:00:00Z' })
  snoozedUntil?: string;
}
