import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GatewayErrorCode } from './gateway-error-code.enum';

export class UpstreamErrorDto {
  @ApiProperty({ example: 503, description: 'Status GreenLake answered' })
  status!: number;

  @ApiPropertyOptional({ example: 'SERVICE_UNAVAILABLE', description: "GreenLake's errorCode" })
  errorCode?: string;

  @ApiPropertyOptional({
    example: 'f57dcca3345820eb579c9317ce36dd92',
    description: "GreenLake's debugId (give it to HPE support)",
  })
  debugId?: string;
}

/** The one error shape of every gateway route. */
export class ErrorResponseDto {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({
    enum: GatewayErrorCode,
    enumName: 'GatewayErrorCode',
    example: GatewayErrorCode.UNKNOWN_REGION,
  })
  code!: GatewayErrorCode;

  @ApiProperty({
    example: 'Unknown region "mars"; known regions: us-west, eu-west, eu-central, ap-northeast',
  })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { knownRegions: ['us-west'] },
  })
  details?: Record<string, unknown>;

  @ApiProperty({
    example: '0f8c2a4e-5b7d-4c1e-9a3f-2d6b8e1c4a7f',
    description: 'Also in the x-request-id header',
  })
  requestId!: string;

  @ApiPropertyOptional({ type: UpstreamErrorDto })
  upstream?: UpstreamErrorDto;
}
