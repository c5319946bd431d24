import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessResponseDto {
  @ApiProperty({ example: 'ok' })
  status!: 'ok';
}

export class CheckDto {
  @ApiProperty({ enum: ['up', 'down', 'disabled'] })
  status!: 'up' | 'down' | 'disabled';

  @ApiPropertyOptional()
  message?: string;
}

export class ReadinessChecksDto {
  @ApiProperty({ type: CheckDto })
  redis!: CheckDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/CheckDto' },
    example: { default: { status: 'up' } },
  })
  tokens!: Record<string, CheckDto>;
}

export class ReadinessResponseDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'error'] })
  status!: 'ok' | 'degraded' | 'error';

  @ApiProperty({ type: ReadinessChecksDto })
  checks!: ReadinessChecksDto;
}
