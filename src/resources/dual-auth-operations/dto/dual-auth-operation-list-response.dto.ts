import { listEnvelope } from 'src/resources/data-services/list-envelope.dto';
import { DualAuthOperationResponseDto } from './dual-auth-operation-response.dto';

export class DualAuthOperationListResponseDto extends listEnvelope(DualAuthOperationResponseDto) {}
