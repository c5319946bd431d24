import { listEnvelope } from 'src/resources/common/list-envelope.dto';
import { SoftwareReleaseResponseDto } from './software-release-response.dto';

export class SoftwareReleaseListResponseDto extends listEnvelope(SoftwareReleaseResponseDto) {}
