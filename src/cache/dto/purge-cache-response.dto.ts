import { ApiProperty } from '@nestjs/swagger';

export class PurgeCacheResponseDto {
  @ApiProperty({ example: 12, description: 'Cached answers dropped (of every credential profile)' })
  purged!: number;
}
