import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { RequireScope } from 'src/common/access/require-scope.decorator';
import { tokenFingerprint } from 'src/credentials/access-token.type';
import { RefreshTokenQueryDto } from './dto/token-query.dto';
import { TokenRefreshResponseDto } from './dto/token-response.dto';
import type { FastifyRequest } from 'fastify';
import { auditOf } from './token-audit.util';
import { TokenBrokerService } from './token-broker.service';
import { REFRESH_ERRORS } from './token-error-responses';

@ApiTags('Operators')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@RequireScope('admin')
@Controller('admin/tokens')
export class TokenAdminController {
  constructor(private readonly broker: TokenBrokerService) {}

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: "Replace a profile's GreenLake token now (scope admin)",
    description:
      'Drops the cached token (here and in Redis) and fetches a new one, e.g. after rotating the client secret.',
  })
  @ApiOkResponse({ type: TokenRefreshResponseDto })
  @ApiGatewayErrors(REFRESH_ERRORS)
  async refreshToken(
    @Query() query: RefreshTokenQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<TokenRefreshResponseDto> {
    const token = await this.broker.refresh(query.profile);
    request.auditContext = auditOf(token);
    return {
      profile: token.profile,
      expires_at: new Date(token.expiresAt).toISOString(),
      fingerprint: tokenFingerprint(token.value),
    };
  }
}
