import { listEnvelope } from 'src/resources/data-services/list-envelope.dto';
import { IssueResponseDto } from './issue-response.dto';

export class IssueListResponseDto extends listEnvelope(IssueResponseDto) {}
