import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A GreenLake software release, as GreenLake returns it; `fields` may cut it down. */
export class SoftwareReleaseResponseDto {
  @ApiProperty({ format: 'uuid', example: '9d5ed678-fe57-4cca-b2a5-3c1b2a3f4e5d' })
  id!: string;

  @ApiProperty({ example: 'data-services/software-release' })
  type!: string;

  @ApiPropertyOptional({ example: 'Data Services Connector v2.4.1' })
  name?: string;

  @ApiPropertyOptional({ example: '2.4.1' })
  version?: string;

  @ApiPropertyOptional({ example: 'GENERAL_AVAILABILITY' })
  stability?: string;

  @ApiPropertyOptional({ example: 'UNIVERSAL', description: 'INSTALL, UPGRADE or UNIVERSAL' })
  usage?: string;

  @ApiPropertyOptional({ example: true })
  downloadable?: boolean;

  @ApiPropertyOptional({
    example: {
      id: '5a1f8c2e-3b4d-4f6a-8c9e-0d1e2f3a4b5c',
      name: 'Data Services Connector',
      type: 'data-services/software-component',
    },
  })
  softwareComponent?: { id?: string; name?: string; type?: string };

  @ApiPropertyOptional({
    example: { filename: 'dsc-2.4.1.ova', sha256Checksum: 'e3b0c442...', sizeInBytes: 1073741824 },
  })
  software?: { filename?: string; sha256Checksum?: string; sizeInBytes?: number };

  @ApiPropertyOptional({ format: 'date-time', example: '2024-05-01T10:00:00Z' })
  createdAt?: string;

  @ApiPropertyOptional({
    example: '/data-services/v1beta1/software-releases/9d5ed678-fe57-4cca-b2a5-3c1b2a3f4e5d',
  })
  resourceUri?: string;
}
