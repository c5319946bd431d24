import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class TokenQueryDto {
  @ApiPropertyOptional({
    example: 'eu-central',
    description:
      "The token of the profile serving this region (default: the caller's profile, else the default region's)",
  })
  @Matches(/^[A-Za-z0-9-]{1,63}$/, { message: 'region must be a region name such as us-west' })
  @IsOptional()
  region?: string;

  @ApiPropertyOptional({
    example: 'default',
    description: 'A credential profile the caller may use (a bound key may only name its own)',
  })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/, { message: 'profile must be a profile name' })
  @IsOptional()
  profile?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 86400,
    example: 600,
    description: 'The token must still live at least this long; a new one is fetched if needed',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  @IsOptional()
  minTtlSeconds?: number;

  @ApiPropertyOptional({
    enum: ['json', 'raw'],
    default: 'json',
    description: '`raw`: just the token as text/plain, for TOKEN=$(curl ...)',
  })
  @IsIn(['json', 'raw'])
  @IsOptional()
  format?: 'json' | 'raw';
}

/** The admin refresh names a profile the same way (default: the default region's). */
export class RefreshTokenQueryDto extends PickType(TokenQueryDto, ['profile'] as const) {}
