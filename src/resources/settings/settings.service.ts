import { Injectable } from '@nestjs/common';
import { DataServicesClient } from 'src/resources/data-services/data-services.client';
import { eq, FriendlyFilterTable } from 'src/catalog/odata-filter.util';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type { SettingPatchWire, SettingWire } from 'src/upstream/wire/setting.wire';
import { ListSettingsQueryDto } from './dto/list-settings-query.dto';
import { UpdateSettingDto } from './dto/update-setting.dto';

const SETTING_FILTERS: FriendlyFilterTable<ListSettingsQueryDto> = {
  name: (value) => eq('name', value),
};

@Injectable()
export class SettingsService {
  constructor(private readonly dataServices: DataServicesClient) {}

  listSettings(call: UpstreamCall, query: ListSettingsQueryDto): Promise<ListWire<SettingWire>> {
    return this.dataServices.list<SettingWire>('settings', call, query, SETTING_FILTERS);
  }

  getSetting(call: UpstreamCall, settingId: string): Promise<SettingWire> {
    return this.dataServices.get<SettingWire>('settings', call, settingId);
  }

  updateSetting(
    call: UpstreamCall,
    settingId: string,
    update: UpdateSettingDto,
  ): Promise<SettingWire> {
    const patch: SettingPatchWire = { currentValue: update.currentValue };
    return this.dataServices.patch<SettingWire>('settings', call, settingId, patch);
  }
}
