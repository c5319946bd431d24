import { listEnvelope } from 'src/resources/data-services/list-envelope.dto';
import { TagResponseDto } from './tag-response.dto';

export class TagListResponseDto extends listEnvelope(TagResponseDto) {}
