import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { ApiResourceOperation } from 'src/resources/data-services/api-resource-operation.decorator';
import { MERGE_PATCH } from 'src/resources/data-services/data-services.client';
import { CreateSecretDto } from './dto/create-secret.dto';
import { DeleteSecretQueryDto } from './dto/delete-secret-query.dto';
import { ListSecretsQueryDto } from './dto/list-secrets-query.dto';
import { SecretListResponseDto } from './dto/secret-list-response.dto';
import { SecretParamsDto } from './dto/secret-params.dto';
import { SecretResponseDto } from './dto/secret-response.dto';
import { UpdateSecretDto } from './dto/update-secret.dto';
import { SecretsService } from './secrets.service';

@ApiTags('Secrets')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/secrets')
export class SecretsController {
  constructor(private readonly secrets: SecretsService) {}

  @Get()
  @ApiResourceOperation({
    resource: 'secrets',
    list: true,
    summary: 'List secrets (metadata only, never values)',
    description:
      '`name`, `service`, `classifier` and `subclassifier` become GreenLake filter conditions ' +
      "(`eq`, case-sensitive), AND-ed with each other and with `filter` (which also knows `contains(name,'x')`).",
  })
  @ApiOkResponse({ type: SecretListResponseDto })
  listSecrets(
    @Query() query: ListSecretsQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<SecretListResponseDto> {
    return this.secrets.listSecrets(call, query);
  }

  @Post()
  @ApiResourceOperation({
    resource: 'secrets',
    summary: 'Create a secret',
    description:
      '`secret` holds exactly one kind of value (basicAuth, password, ...). The value goes to ' +
      'GreenLake and is never returned or logged. Answers 201 with `Location` (GreenLake itself answers 200).',
  })
  @ApiCreatedResponse({ type: SecretResponseDto })
  @ApiGatewayErrors({ 400: 'name must not be blank', 409: 'A secret with this name exists' })
  async createSecret(
    @Body() body: CreateSecretDto,
    @ResolvedCall() call: UpstreamCall,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SecretResponseDto> {
    const created = await this.secrets.createSecret(call, body);
    void reply.header('location', created.location);
    return created.secret;
  }

  @Get(':secretId')
  @ApiResourceOperation({ resource: 'secrets', summary: 'Get one secret (metadata only)' })
  @ApiOkResponse({ type: SecretResponseDto })
  @ApiGatewayErrors({ 400: 'secretId must be a UUID' })
  getSecret(
    @Param() params: SecretParamsDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<SecretResponseDto> {
    return this.secrets.getSecret(call, params.secretId);
  }

  @Patch(':secretId')
  @ApiResourceOperation({
    resource: 'secrets',
    summary: 'Update a secret: a new value (of the same kind), description or groups',
    description: 'The body may be `application/json` or `application/merge-patch+json`.',
  })
  @ApiConsumes('application/json', MERGE_PATCH)
  @ApiBody({ type: UpdateSecretDto })
  @ApiOkResponse({ type: SecretResponseDto })
  @ApiGatewayErrors({
    400: 'give at least one of secret, description or groups',
    409: { description: 'GreenLake refused the change (CONFLICT)' },
  })
  updateSecret(
    @Param() params: SecretParamsDto,
    @Body() body: UpdateSecretDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<SecretResponseDto> {
    return this.secrets.updateSecret(call, params.secretId, body);
  }

  @Delete(':secretId')
  @HttpCode(204)
  @ApiResourceOperation({
    resource: 'secrets',
    summary: 'Delete a secret (and its assignments)',
    description: 'With `safe=true`, a secret a service has delete-locked is refused with 409.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiGatewayErrors({
    400: 'safe must be true or false',
    409: 'safe=true and the secret is delete-locked',
  })
  async deleteSecret(
    @Param() params: SecretParamsDto,
    @Query() query: DeleteSecretQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<void> {
    await this.secrets.deleteSecret(call, params.secretId, query.safe);
  }
}
