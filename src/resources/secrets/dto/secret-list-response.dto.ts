import { listEnvelope } from 'src/resources/data-services/list-envelope.dto';
import { SecretResponseDto } from './secret-response.dto';

export class SecretListResponseDto extends listEnvelope(SecretResponseDto) {}
