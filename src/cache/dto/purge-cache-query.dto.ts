import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class PurgeCacheQueryDto {
  @ApiPropertyOptional({
    example: 'us-west',
    description: 'Only this region (name or alias); default: every region',
  })
  @Matches(/^[A-Za-z0-9-]{1,63}$/, { message: 'region must be a region name such as us-west' })
  @IsOptional()
  region?: string;

  @ApiPropertyOptional({
    example: 'settings',
    description:
      'Only this resource: a resource name (tasks, issues, secrets, software-releases, storage-locations, tags, settings, dual-auth-operations) or a pass-through collection such as virtualization/v1beta1/virtual-machines; default: everything',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}(\/[A-Za-z0-9._-]{1,63}){0,2}$/, {
    message:
      'resource must be a resource name such as settings, or a pass-through collection such as virtualization/v1beta1/virtual-machines',
  })
  @IsOptional()
  resource?: string;
}
