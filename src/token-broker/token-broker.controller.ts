import { Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller } from 'src/common/access/caller.type';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { CurrentCaller } from 'src/common/access/current-caller.decorator';
import { RequireScope } from 'src/common/access/require-scope.decorator';
import { AccessToken } from 'src/credentials/access-token.type';
import { TokenQueryDto } from './dto/token-query.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { TOKEN_ERRORS } from './token-error-responses';
import { TokenBrokerService } from './token-broker.service';
import { auditOf } from './token-audit.util';

const DESCRIPTION = `A GreenLake access token for scripts, from the gateway's cache (the client secret never leaves the gateway).
\`?format=raw\` answers the bare token as text/plain, so that
\`TOKEN=$(curl -sf -H "X-API-Key: $KEY" localhost:3000/v1/token?format=raw)\` works.
\`?minTtlSeconds=600\` guarantees ten minutes of life (a new token is fetched if needed; 400 when the issuer grants less).`;

@ApiTags('Token broker')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@RequireScope('token')
@Controller('token')
export class TokenBrokerController {
  constructor(private readonly broker: TokenBrokerService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Get a GreenLake access token (scope token)', description: DESCRIPTION })
  @ApiProduces('application/json', 'text/plain')
  @ApiOkResponse({
    type: TokenResponseDto,
    description: 'JSON, or with format=raw the bare token (text/plain), e.g. eyJhbGciOi...',
  })
  @ApiGatewayErrors(TOKEN_ERRORS)
  getToken(
    @Query() query: TokenQueryDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto | string> {
    return this.respond(caller, query, reply);
  }

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Get a GreenLake access token (POST form, same parameters)',
    description: DESCRIPTION,
  })
  @ApiProduces('application/json', 'text/plain')
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiGatewayErrors(TOKEN_ERRORS)
  issueToken(
    @Query() query: TokenQueryDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto | string> {
    return this.respond(caller, query, reply);
  }

  private async respond(
    caller: Caller,
    query: TokenQueryDto,
    reply: FastifyReply,
  ): Promise<TokenResponseDto | string> {
    const token = await this.broker.issue(caller, query);
    reply.request.auditContext = auditOf(token);
    void reply.header('Pragma', 'no-cache');
    if (query.format === 'raw') {
      void reply.type('text/plain; charset=utf-8');
      return token.value;
    }
    return toTokenResponse(token);
  }
}

function toTokenResponse(token: AccessToken): TokenResponseDto {
  return {
    access_token: token.value,
    token_type: 'Bearer',
    expires_in: Math.max(0, Math.floor((token.expiresAt - Date.now()) / 1000)),
    expires_at: new Date(token.expiresAt).toISOString(),
    profile: token.profile,
  };
}
