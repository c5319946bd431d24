import { listEnvelope } from 'src/resources/common/list-envelope.dto';
import { StorageLocationResponseDto } from './storage-location-response.dto';

export class StorageLocationListResponseDto extends listEnvelope(StorageLocationResponseDto) {}
