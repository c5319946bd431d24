import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { ApiResourceOperation } from 'src/resources/data-services/api-resource-operation.decorator';
import { MERGE_PATCH } from 'src/resources/data-services/data-services.client';
import { GetIssueQueryDto } from './dto/get-issue-query.dto';
import { IssueListResponseDto } from './dto/issue-list-response.dto';
import { IssueParamsDto } from './dto/issue-params.dto';
import { IssueResponseDto } from './dto/issue-response.dto';
import { ListIssuesQueryDto } from './dto/list-issues-query.dto';
import { UpdateIssueDto } from './dto/update-issue.dto';
import { IssuesService } from './issues.service';

@ApiTags('Issues')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/issues')
export class IssuesController {
  constructor(private readonly issues: IssuesService) {}

  @Get()
  @ApiResourceOperation({
    resource: 'issues',
    list: true,
    summary: 'List active issues in a region',
    description:
      '`severity`, `category`, `state` and `service` become GreenLake filter conditions, AND-ed ' +
      'with each other and with `filter`. Any `fields` gets the seven properties GreenLake insists ' +
      'on, so `fields=body` answers 200 where GreenLake alone answers 422.',
  })
  @ApiOkResponse({ type: IssueListResponseDto })
  listIssues(
    @Query() query: ListIssuesQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<IssueListResponseDto> {
    return this.issues.listIssues(call, query);
  }

  @Get(':issueId')
  @ApiResourceOperation({
    resource: 'issues',
    summary: 'Get one issue',
    description: 'A closed issue is no longer active: GreenLake answers 409 (CONFLICT).',
  })
  @ApiOkResponse({ type: IssueResponseDto })
  @ApiGatewayErrors({ 400: 'issueId must be a UUID' })
  getIssue(
    @Param() params: IssueParamsDto,
    @Query() query: GetIssueQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<IssueResponseDto> {
    return this.issues.getIssue(call, params.issueId, query.fields);
  }

  @Patch(':issueId')
  @ApiResourceOperation({
    resource: 'issues',
    summary: 'Snooze an issue (or un-snooze it with NONE)',
    description:
      'Send `generation` as read from GET: a stale one is a 412 (PRECONDITION_FAILED). The body ' +
      'may be `application/json` or `application/merge-patch+json`.',
  })
  @ApiConsumes('application/json', MERGE_PATCH)
  @ApiBody({ type: UpdateIssueDto })
  @ApiOkResponse({ type: IssueResponseDto })
  @ApiGatewayErrors({
    400: 'snoozedFor must be one of NONE, DAY, WEEK, MONTH, INFINITE',
    409: 'The issue is no longer active',
    412: 'generation is stale: read the issue again',
  })
  updateIssue(
    @Param() params: IssueParamsDto,
    @Body() body: UpdateIssueDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<IssueResponseDto> {
    return this.issues.updateIssue(call, params.issueId, body);
  }
}
