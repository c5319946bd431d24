import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** GreenLake's list envelope around one item type, for Swagger: `class XListResponseDto extends listEnvelope(XResponseDto) {}`. */
export function listEnvelope<T>(item: Type<T>) {
  abstract class ListEnvelope {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({ example: 20, description: 'Items in this page' })
    count!: number;

    @ApiProperty({ example: 0, description: 'The offset of the request' })
    offset!: number;

    @ApiPropertyOptional({ example: 250, description: 'Every matching item' })
    total?: number;
  }
  return ListEnvelope;
}
