import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApiGatewayErrors,
  greenLakeErrorExample,
  type RouteErrorDocs,
  validationErrorExample,
} from 'src/common/decorators/api-gateway-errors.decorator';
import { RequireScope } from 'src/common/access/require-scope.decorator';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { ApiResourceOperation } from 'src/resources/data-services/api-resource-operation.decorator';
import { DownloadLinkResponseDto } from './dto/download-link-response.dto';
import { DownloadSoftwareReleaseDto } from './dto/download-software-release.dto';
import { GetSoftwareReleaseQueryDto } from './dto/get-software-release-query.dto';
import { ListSoftwareReleasesQueryDto } from './dto/list-software-releases-query.dto';
import { SoftwareReleaseListResponseDto } from './dto/software-release-list-response.dto';
import { SoftwareReleaseParamsDto } from './dto/software-release-params.dto';
import { SoftwareReleaseResponseDto } from './dto/software-release-response.dto';
import { SoftwareReleasesService } from './software-releases.service';

const RELEASE_DENIED = 'HPE_GL_DATA_SERVICES_RELEASE_DENIED';

/** A file that is neither SOFTWARE nor SIGNATURE, or a release GreenLake denies (its 403). */
const DOWNLOAD_ERRORS: RouteErrorDocs = {
  400: {
    examples: [
      validationErrorExample('file must be one of SOFTWARE, SIGNATURE'),
      greenLakeErrorExample(
        GatewayErrorCode.UPSTREAM_REJECTED,
        `GreenLake does not allow downloading this release (${RELEASE_DENIED})`,
        { status: 403, errorCode: RELEASE_DENIED },
      ),
    ],
  },
};

@ApiTags('Software releases')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/software-releases')
export class SoftwareReleasesController {
  constructor(private readonly releases: SoftwareReleasesService) {}

  @Get()
  @ApiResourceOperation({
    resource: 'software-releases',
    list: true,
    summary: 'List software releases',
    description:
      '`softwareComponentId` and `version` become GreenLake filter conditions, AND-ed with each ' +
      'other and with `filter` (a `filter` using `or` must then hold every condition).',
  })
  @ApiOkResponse({ type: SoftwareReleaseListResponseDto })
  listSoftwareReleases(
    @Query() query: ListSoftwareReleasesQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<SoftwareReleaseListResponseDto> {
    return this.releases.listSoftwareReleases(call, query);
  }

  @Get(':releaseId')
  @ApiResourceOperation({ resource: 'software-releases', summary: 'Get one software release' })
  @ApiOkResponse({ type: SoftwareReleaseResponseDto })
  @ApiGatewayErrors({ 400: 'releaseId must be a UUID' })
  getSoftwareRelease(
    @Param() params: SoftwareReleaseParamsDto,
    @Query() query: GetSoftwareReleaseQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<SoftwareReleaseResponseDto> {
    return this.releases.getSoftwareRelease(call, params.releaseId, query.fields);
  }

  @Post(':releaseId/download')
  // Asking for a download link changes nothing: a read, although it is a POST upstream
  @RequireScope('read')
  @ApiResourceOperation({
    resource: 'software-releases',
    summary: 'Get the download link of a release file',
    description:
      "Answers GreenLake's 303 See Other as it is: `Location` is the file's URL (also in the body). " +
      'A release that may not be downloaded is a 400 UPSTREAM_REJECTED with upstream.errorCode ' +
      '`HPE_GL_DATA_SERVICES_RELEASE_DENIED`. Needs the `read` scope.',
  })
  @ApiResponse({
    status: 303,
    description: 'See Other: the file is at `Location`',
    type: DownloadLinkResponseDto,
    headers: { Location: { description: "The file's URL", schema: { type: 'string' } } },
  })
  @ApiGatewayErrors(DOWNLOAD_ERRORS)
  async downloadSoftwareRelease(
    @Param() params: SoftwareReleaseParamsDto,
    @Body() body: DownloadSoftwareReleaseDto,
    @ResolvedCall() call: UpstreamCall,
    // The status depends on GreenLake's answer (303, or 200 with a body), so the reply is ours
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const result = await this.releases.downloadSoftwareRelease(call, params.releaseId, body.file);
    if ('redirect' in result) {
      const link: DownloadLinkResponseDto = { location: result.redirect };
      await reply.code(303).header('location', result.redirect).send(link);
      return;
    }
    await reply.code(200).send(result.body);
  }
}
