import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TagResponseDto {
  @ApiProperty({ format: 'uuid', example: '6f1d3c2b-9a8e-4b7d-8c6f-5e4d3c2b1a09' })
  id!: string;

  @ApiProperty({ example: 'data-services/tag' })
  type!: string;

  @ApiProperty({ example: '0123456789abcdef0123456789abcdef' })
  customerId!: string;

  @ApiPropertyOptional({ example: 'environment' })
  key?: string;

  @ApiPropertyOptional({ example: 'production' })
  value?: string;
}
