import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  ApiGatewayErrors,
  greenLakeErrorExample,
  type RouteErrorDocs,
  validationErrorExample,
} from 'src/common/decorators/api-gateway-errors.decorator';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { ApiResourceOperation } from 'src/resources/data-services/api-resource-operation.decorator';
import { MERGE_PATCH } from 'src/resources/data-services/data-services.client';
import { ListSettingsQueryDto } from './dto/list-settings-query.dto';
import { SettingListResponseDto } from './dto/setting-list-response.dto';
import { SettingParamsDto } from './dto/setting-params.dto';
import { SettingResponseDto } from './dto/setting-response.dto';
import { UpdateSettingDto } from './dto/update-setting.dto';
import { SettingsService } from './settings.service';

/** The gateway checks the value's type; GreenLake whether it is one of the possibleValues. */
const UPDATE_SETTING_ERRORS: RouteErrorDocs = {
  400: {
    examples: [
      validationErrorExample('currentValue must be shorter than or equal to 1024 characters'),
      greenLakeErrorExample(
        GatewayErrorCode.UPSTREAM_REJECTED,
        'GreenLake rejected the request: currentValue is required and must be one of the possibleValues: ENABLED, DISABLED',
        { status: 400, errorCode: 'HPE_GL_ERROR_BAD_REQUEST' },
      ),
    ],
  },
};

@ApiTags('Settings')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiResourceOperation({
    resource: 'settings',
    list: true,
    summary: 'List customer settings',
    description: '`name` becomes `name eq ...`, AND-ed with `filter`.',
  })
  @ApiOkResponse({ type: SettingListResponseDto })
  listSettings(
    @Query() query: ListSettingsQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<SettingListResponseDto> {
    return this.settings.listSettings(call, query);
  }

  @Get(':settingId')
  @ApiResourceOperation({ resource: 'settings', summary: 'Get one setting' })
  @ApiOkResponse({ type: SettingResponseDto })
  @ApiGatewayErrors({ 400: 'settingId must be a UUID' })
  getSetting(
    @Param() params: SettingParamsDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<SettingResponseDto> {
    return this.settings.getSetting(call, params.settingId);
  }

  @Patch(':settingId')
  @ApiResourceOperation({
    resource: 'settings',
    summary: "Change a setting's value",
    description:
      "`currentValue` must be one of the setting's `possibleValues` (GreenLake answers 400 " +
      'otherwise). The body may be `application/json` or `application/merge-patch+json`.',
  })
  @ApiConsumes('application/json', MERGE_PATCH)
  @ApiBody({ type: UpdateSettingDto })
  @ApiOkResponse({ type: SettingResponseDto })
  @ApiGatewayErrors(UPDATE_SETTING_ERRORS)
  updateSetting(
    @Param() params: SettingParamsDto,
    @Body() body: UpdateSettingDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<SettingResponseDto> {
    return this.settings.updateSetting(call, params.settingId, body);
  }
}
