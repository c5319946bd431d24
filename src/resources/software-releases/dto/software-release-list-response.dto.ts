import { listEnvelope } from 'src/resources/data-services/list-envelope.dto';
import { SoftwareReleaseResponseDto } from './software-release-response.dto';

export class SoftwareReleaseListResponseDto extends listEnvelope(SoftwareReleaseResponseDto) {}
