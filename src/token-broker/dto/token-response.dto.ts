import { ApiProperty } from '@nestjs/swagger';

export class TokenResponseDto {
  @ApiProperty({
    example: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJjbGllbnRfaWQiOi...',
    description: 'A GreenLake access token: send it as Authorization: Bearer <token>',
  })
  access_token!: string;

  @ApiProperty({ example: 'Bearer' })
  token_type!: 'Bearer';

  @ApiProperty({ example: 7140, description: 'Seconds of life left' })
  expires_in!: number;

  @ApiProperty({ example: '2026-11-27T14:19:02.000Z' })
  expires_at!: string;

  @ApiProperty({
    example: 'default',
    description: 'The credential profile (GreenLake workspace) the token belongs to',
  })
  profile!: string;
}

export class TokenRefreshResponseDto {
  @ApiProperty({ example: 'default' })
  profile!: string;

  @ApiProperty({ example: '2026-11-27T14:19:02.000Z' })
  expires_at!: string;

  @ApiProperty({
    example: '3f9a2c1d',
    description: 'First 8 hex of the SHA-256 of the new token (never the token)',
  })
  fingerprint!: string;
}
