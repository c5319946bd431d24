import type { FastifyInstance } from 'fastify';
import type { IssueSnoozePeriodWire, IssueWire } from 'src/upstream/wire/issue.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import { listItems, parseSelectParam, project } from 'src/simulator/query/list-query';
import { MERGE_PATCH_TYPE, readJsonObject } from 'src/simulator/http/request-body.util';
import { contextOf, workspaceOf } from 'src/simulator/http/request-context';
import {
  ISSUE_FIELDS,
  ISSUE_LIST_RULES,
  ISSUE_REQUIRED_SELECT,
} from 'src/simulator/query/resource-rules';
import { type IdParams, notFound, requireUuid } from 'src/simulator/http/route-params.util';
import { DAY_MS } from 'src/simulator/seed/seed-context';
import { ISSUES_PATH, ZERO_TIMESTAMP } from 'src/simulator/seed/seed-issues';
import { SimulatedError } from 'src/simulator/faults/simulated-error';

const SNOOZE_MS: Readonly<Record<IssueSnoozePeriodWire, number | undefined>> = {
  NONE: undefined,
  DAY: DAY_MS,
  WEEK: 7 * DAY_MS,
  MONTH: 30 * DAY_MS,
  // An "infinite" snooze shows a far-future date (UNCONFIRMED)
  INFINITE: Date.parse('9999-12-31T23:59:59Z'),
};

export function registerIssueRoutes(app: FastifyInstance): void {
  app.get(ISSUES_PATH, (request) => {
    const { query } = contextOf(request);
    const select = parseSelectParam(query, ISSUE_FIELDS);
    if (select) {
      const missing = ISSUE_REQUIRED_SELECT.filter((field) => !select.includes(field));
      if (missing.length > 0) {
        // The March 2024 wording, listing the fields the select lacks
        throw new SimulatedError(
          'unprocessable',
          `Missing required field(s) - "${missing.join(',')}"`,
        );
      }
    }
    return listItems(activeIssues(workspaceOf(request).issues.all()), query, ISSUE_LIST_RULES);
  });

  app.get<{ Params: IdParams }>(`${ISSUES_PATH}/:id`, (request) => {
    const select = parseSelectParam(contextOf(request).query, ISSUE_FIELDS);
    const workspace = workspaceOf(request);
    const issue = findActiveIssue(request.params.id, (id) => workspace.issues.get(id));
    return select ? project(issue, select) : issue;
  });

  app.patch<{ Params: IdParams }>(`${ISSUES_PATH}/:id`, (request) => {
    const workspace = workspaceOf(request);
    const issue = findActiveIssue(request.params.id, (id) => workspace.issues.get(id));
    const body = readJsonObject(request, [MERGE_PATCH_TYPE]);
    const snoozedFor = readSnoozePatch(body, issue);
    const nowMs = Date.now();
    const period = SNOOZE_MS[snoozedFor];
    issue.snoozed = snoozedFor !== 'NONE';
    issue.snoozedFor = snoozedFor;
    issue.snoozedBy = snoozedFor === 'NONE' ? '' : (contextOf(request).token?.clientId ?? '');
    issue.snoozedUntil =
      period === undefined
        ? ZERO_TIMESTAMP
        : new Date(snoozedFor === 'INFINITE' ? period : nowMs + period).toISOString();
    issue.generation += 1;
    issue.updatedAt = new Date(nowMs).toISOString();
    return issue;
  });

  app.get(`${ISSUES_PATH}-metadata`, (request): ListWire<unknown> => {
    // Paging is declared but "not supported": offset and limit are ignored
    const metadata = workspaceOf(request).issuesMetadata;
    return { items: [metadata], count: 1, offset: 0, total: 1 };
  });
}

function activeIssues(issues: readonly IssueWire[]): IssueWire[] {
  return issues.filter((issue) => issue.state === 'CREATED');
}

function findActiveIssue(rawId: string, lookup: (id: string) => IssueWire | undefined): IssueWire {
  const id = requireUuid(rawId, 'issue');
  const issue = lookup(id);
  if (!issue) {
    throw notFound('issue', id);
  }
  if (issue.state !== 'CREATED') {
    throw new SimulatedError('conflict', `Issue '${id}' is not active`);
  }
  return issue;
}

/** `{snoozedFor, generation}`, both required, nothing else; generation must be the current one. */
function readSnoozePatch(body: Record<string, unknown>, issue: IssueWire): IssueSnoozePeriodWire {
  const extra = Object.keys(body).filter((key) => key !== 'snoozedFor' && key !== 'generation');
  if (extra.length > 0) {
    throw new SimulatedError(
      'unprocessable',
      `Only snoozedFor and generation may be changed; not ${extra.join(', ')}`,
    );
  }
  const { snoozedFor, generation } = body;
  if (typeof snoozedFor !== 'string' || !Object.hasOwn(SNOOZE_MS, snoozedFor)) {
    throw new SimulatedError(
      'badRequest',
      `snoozedFor is required and must be one of ${Object.keys(SNOOZE_MS).join(', ')}`,
    );
  }
  if (typeof generation !== 'string' || !/^\d+$/.test(generation)) {
    throw new SimulatedError(
      'badRequest',
      'generation is required: the current generation of the issue, as a string',
    );
  }
  if (generation !== String(issue.generation)) {
    throw new SimulatedError(
      'preconditionFailed',
      `generation ${generation} does not match the issue's current generation ${issue.generation}`,
    );
  }
  return snoozedFor as IssueSnoozePeriodWire;
}
