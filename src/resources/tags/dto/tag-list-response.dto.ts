import { listEnvelope } from 'src/resources/common/list-envelope.dto';
import { TagResponseDto } from './tag-response.dto';

export class TagListResponseDto extends listEnvelope(TagResponseDto) {}
