import type { IssuesService } from 'src/resources/issues/issues.service';
import { GetIssueQueryDto } from 'src/resources/issues/dto/get-issue-query.dto';
import { IssueParamsDto } from 'src/resources/issues/dto/issue-params.dto';
import {
  ISSUE_SEVERITIES,
  ListIssuesQueryDto,
} from 'src/resources/issues/dto/list-issues-query.dto';
import { SNOOZE_PERIODS, UpdateIssueDto } from 'src/resources/issues/dto/update-issue.dto';
import type { McpTool } from 'src/mcp/mcp-tool.type';
import { pick, validated } from 'src/mcp/tool-input.util';
import { enumProperty, stringProperty, uuidProperty } from 'src/mcp/tool-schema.util';
import {
  fieldsProperty,
  listTool,
  READ_ONLY,
  simpleTool,
  ToolKit,
  WRITES,
} from './tool-builders.util';

const issueId = uuidProperty('Issue id (from list_issues)');

/** list_issues, get_issue and snooze_issue (the fields GreenLake requires are added for it). */
export function issueTools(kit: ToolKit, issues: IssuesService): McpTool[] {
  return [
    listTool(kit, {
      name: 'list_issues',
      description: 'List active GreenLake issues (problems and recommendations), newest first.',
      resource: 'issues',
      dto: ListIssuesQueryDto,
      fields: true,
      filters: {
        severity: enumProperty(ISSUE_SEVERITIES),
        category: stringProperty('e.g. PERFORMANCE'),
        state: stringProperty('e.g. CREATED'),
        service: stringProperty('Service name, e.g. data-ops-manager'),
      },
      list: (call, query) => issues.listIssues(call, query),
    }),
    simpleTool(kit, {
      name: 'get_issue',
      description: 'Get one issue with its body, severity, resource and generation.',
      properties: {
        issueId,
        fields: fieldsProperty('issues'),
      },
      required: ['issueId'],
      annotations: READ_ONLY,
      run: async (args, call) => {
        const params = await validated(IssueParamsDto, {
          region: call.region.name,
          ...pick(args, ['issueId']),
        });
        const query = await validated(GetIssueQueryDto, pick(args, ['fields']));
        return issues.getIssue(call, params.issueId, query.fields);
      },
    }),
    simpleTool(kit, {
      name: 'snooze_issue',
      description: 'Snooze an issue for a period (NONE wakes it); needs its current generation.',
      properties: {
        issueId,
        snoozedFor: enumProperty(SNOOZE_PERIODS),
        generation: {
          type: ['string', 'integer'],
          description: "The issue's current generation (from get_issue)",
        },
      },
      required: ['issueId', 'snoozedFor', 'generation'],
      annotations: { ...WRITES, idempotentHint: true },
      writeMethod: 'PATCH',
      run: async (args, call) => {
        const params = await validated(IssueParamsDto, {
          region: call.region.name,
          ...pick(args, ['issueId']),
        });
        const update = await validated(UpdateIssueDto, pick(args, ['snoozedFor', 'generation']));
        return issues.updateIssue(call, params.issueId, update);
      },
    }),
  ];
}
