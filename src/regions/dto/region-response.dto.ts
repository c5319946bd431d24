import { ApiProperty } from '@nestjs/swagger';

export class RegionResponseDto {
  @ApiProperty({ example: 'us-west' })
  name!: string;

  @ApiProperty({ example: 'https://us-west.api.greenlake.hpe.com' })
  baseUrl!: string;

  @ApiProperty({ type: [String], example: [], description: 'Other names accepted in paths' })
  aliases!: string[];

  @ApiProperty({ example: false, description: 'A DSCC-era *.data.cloud.hpe.com host' })
  legacy!: boolean;

  @ApiProperty({
    example: true,
    description: 'Used by /v1/token and the docs examples when no region is given',
  })
  default!: boolean;
}

export class RegionListResponseDto {
  @ApiProperty({ type: [RegionResponseDto] })
  items!: RegionResponseDto[];

  @ApiProperty({ example: 7 })
  count!: number;

  @ApiProperty({ example: 'us-west' })
  defaultRegion!: string;
}
