import { listEnvelope } from 'src/resources/common/list-envelope.dto';
import { IssueResponseDto } from './issue-response.dto';

export class IssueListResponseDto extends listEnvelope(IssueResponseDto) {}
