import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { ApiResourceOperation } from 'src/resources/data-services/api-resource-operation.decorator';
import { MERGE_PATCH } from 'src/resources/data-services/data-services.client';
import { DualAuthOperationListResponseDto } from './dto/dual-auth-operation-list-response.dto';
import { DualAuthOperationParamsDto } from './dto/dual-auth-operation-params.dto';
import { DualAuthOperationResponseDto } from './dto/dual-auth-operation-response.dto';
import { ListDualAuthOperationsQueryDto } from './dto/list-dual-auth-operations-query.dto';
import { UpdateDualAuthOperationDto } from './dto/update-dual-auth-operation.dto';
import { DualAuthOperationsService } from './dual-auth-operations.service';

@ApiTags('Dual-auth operations')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/dual-auth-operations')
export class DualAuthOperationsController {
  constructor(private readonly operations: DualAuthOperationsService) {}

  @Get()
  @ApiResourceOperation({
    resource: 'dual-auth-operations',
    list: true,
    summary: 'List operations waiting for (or given) a second approval',
    description:
      '`state` and `requestedByEmail` become GreenLake filter conditions, AND-ed with each other ' +
      'and with `filter`.',
  })
  @ApiOkResponse({ type: DualAuthOperationListResponseDto })
  listDualAuthOperations(
    @Query() query: ListDualAuthOperationsQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<DualAuthOperationListResponseDto> {
    return this.operations.listDualAuthOperations(call, query);
  }

  @Get(':operationId')
  @ApiResourceOperation({
    resource: 'dual-auth-operations',
    summary: 'Get one dual-auth operation',
  })
  @ApiOkResponse({ type: DualAuthOperationResponseDto })
  @ApiGatewayErrors({ 400: 'operationId must be a UUID' })
  getDualAuthOperation(
    @Param() params: DualAuthOperationParamsDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<DualAuthOperationResponseDto> {
    return this.operations.getDualAuthOperation(call, params.operationId);
  }

  @Patch(':operationId')
  @ApiResourceOperation({
    resource: 'dual-auth-operations',
    summary: 'Approve or cancel a pending operation',
    description:
      '`{"state": "APPROVED"}` approves, `{"state": "CANCELLED"}` refuses; only a PENDING ' +
      'operation can change (412 otherwise). The body may be `application/json` or ' +
      '`application/merge-patch+json`.',
  })
  @ApiConsumes('application/json', MERGE_PATCH)
  @ApiBody({ type: UpdateDualAuthOperationDto })
  @ApiOkResponse({ type: DualAuthOperationResponseDto })
  @ApiGatewayErrors({
    400: 'state must be APPROVED or CANCELLED',
    412: 'The operation is no longer PENDING',
  })
  updateDualAuthOperation(
    @Param() params: DualAuthOperationParamsDto,
    @Body() body: UpdateDualAuthOperationDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<DualAuthOperationResponseDto> {
    return this.operations.updateDualAuthOperation(call, params.operationId, body);
  }
}
