import { listEnvelope } from 'src/resources/data-services/list-envelope.dto';
import { StorageLocationResponseDto } from './storage-location-response.dto';

export class StorageLocationListResponseDto extends listEnvelope(StorageLocationResponseDto) {}
