import { ApiProperty } from '@nestjs/swagger';

/** A cloud region where backups can be stored; not a UUID resource and without customerId. */
export class StorageLocationResponseDto {
  @ApiProperty({ example: 'aws:us-east-1' })
  id!: string;

  @ApiProperty({ example: 'data-services/storage-location' })
  type!: string;

  @ApiProperty({ example: 'US East (N. Virginia)' })
  name!: string;

  @ApiProperty({ type: [String], example: ['backup-and-recovery'] })
  capabilities!: string[];

  @ApiProperty({ example: 'Ashburn' })
  city!: string;

  @ApiProperty({ example: 'AWS', description: 'AWS, AZURE or GCP' })
  cloudServiceProvider!: string;

  @ApiProperty({ example: 'us-east-1' })
  cloudServiceProviderId!: string;

  @ApiProperty({ example: 'North America' })
  geography!: string;

  @ApiProperty({ example: 'America/New_York' })
  timezone!: string;

  @ApiProperty({ example: '/data-services/v1beta1/storage-locations/aws:us-east-1' })
  resourceUri!: string;
}
