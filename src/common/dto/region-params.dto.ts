import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class RegionParamsDto {
  @ApiProperty({
    example: 'us-west',
    description: 'Region name or alias (GET /v1/regions lists them)',
  })
  @Matches(/^[A-Za-z0-9-]{1,63}$/, { message: 'region must be a region name such as us-west' })
  region!: string;
}
