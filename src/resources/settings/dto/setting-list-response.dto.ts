import { listEnvelope } from 'src/resources/data-services/list-envelope.dto';
import { SettingResponseDto } from './setting-response.dto';

export class SettingListResponseDto extends listEnvelope(SettingResponseDto) {}
