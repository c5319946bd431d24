import type { CommonResourceWire } from './common.wire';

/** `Setting`: one customer setting. */
export interface SettingWire extends CommonResourceWire {
  currentValue?: string;
  nextValue?: string;
  /** A JSON array serialised as a string, e.g. `["ENABLED","DISABLED"]`. */
  possibleValues?: string;
  description?: string;
  externalApplicationName?: string;
  lastUpdatedAt?: string;
  lastUpdatedBy?: string;
  consoleUri?: string;
}

/** `SettingPatch`: the merge-patch body of `PATCH /settings/{id}`. */
export interface SettingPatchWire {
  currentValue: string;
}
