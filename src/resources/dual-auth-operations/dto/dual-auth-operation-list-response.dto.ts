import { listEnvelope } from 'src/resources/common/list-envelope.dto';
import { DualAuthOperationResponseDto } from './dual-auth-operation-response.dto';

export class DualAuthOperationListResponseDto extends listEnvelope(DualAuthOperationResponseDto) {}
