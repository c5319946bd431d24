import { Injectable } from '@nestjs/common';
import { DataServicesClient } from 'src/resources/data-services/data-services.client';
import { eq, FriendlyFilterTable, memberOf } from 'src/catalog/odata-filter.util';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { IssuePatchWire, IssueWire } from 'src/upstream/wire/issue.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import { ListIssuesQueryDto } from './dto/list-issues-query.dto';
import { UpdateIssueDto } from './dto/update-issue.dto';

const ISSUE_FILTERS: FriendlyFilterTable<ListIssuesQueryDto> = {
  severity: (value) => eq('severity', value),
  category: (value) => eq('category', value),
  state: (value) => eq('state', value),
  service: (value) => memberOf(value, 'services'),
};

@Injectable()
export class IssuesService {
  constructor(private readonly dataServices: DataServicesClient) {}

  listIssues(call: UpstreamCall, query: ListIssuesQueryDto): Promise<ListWire<IssueWire>> {
    return this.dataServices.list<IssueWire>('issues', call, query, ISSUE_FILTERS);
  }

  getIssue(call: UpstreamCall, issueId: string, fields?: string): Promise<IssueWire> {
    return this.dataServices.get<IssueWire>('issues', call, issueId, fields);
  }

  updateIssue(call: UpstreamCall, issueId: string, update: UpdateIssueDto): Promise<IssueWire> {
    const patch: IssuePatchWire = {
      snoozedFor: update.snoozedFor,
      generation: update.generation,
    };
    return this.dataServices.patch<IssueWire>('issues', call, issueId, patch);
  }
}
