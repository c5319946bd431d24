import { listEnvelope } from 'src/resources/common/list-envelope.dto';
import { SettingResponseDto } from './setting-response.dto';

export class SettingListResponseDto extends listEnvelope(SettingResponseDto) {}
