import type { SettingWire } from 'src/upstream/wire/setting.wire';
import { DAY_MS, SEED_EPOCH_MS, type SeedContext, USER_EMAILS, iso } from './seed-context';

export const SETTINGS_PATH = '/data-services/v1beta1/settings';

// Synthetic settings: the names of real customer settings are not public
const SETTINGS: readonly (readonly [
  name: string,
  values: readonly string[],
  description: string,
])[] = [
  [
    'DUAL_AUTHORIZATION',
    ['ENABLED', 'DISABLED'],
    'Require a second approver for destructive operations',
  ],
  ['SESSION_TIMEOUT_MINUTES', ['15', '30', '60', '120'], 'Idle time before a console session ends'],
  [
    'AUTO_SOFTWARE_UPDATE',
    ['ENABLED', 'DISABLED'],
    'Install general-availability releases automatically',
  ],
  [
    'ISSUE_EMAIL_NOTIFICATIONS',
    ['ALL', 'CRITICAL_ONLY', 'NONE'],
    'Which issues are sent by e-mail',
  ],
  ['AUDIT_LOG_RETENTION_DAYS', ['30', '90', '180', '365'], 'How long audit records are kept'],
  [
    'DEFAULT_SNAPSHOT_RETENTION_DAYS',
    ['7', '14', '30'],
    'Retention of snapshots created without a policy',
  ],
  ['REMOTE_SUPPORT', ['ENABLED', 'DISABLED'], 'Allow HPE support to open a remote session'],
  ['TELEMETRY_UPLOAD', ['ENABLED', 'DISABLED'], 'Send performance telemetry for analytics'],
  ['MAINTENANCE_WINDOW', ['NONE', 'NIGHTLY', 'WEEKEND'], 'When disruptive updates may run'],
  [
    'SNAPSHOT_SCHEDULE_DEFAULT',
    ['HOURLY', 'DAILY', 'WEEKLY'],
    'The schedule proposed for new protection policies',
  ],
  [
    'CLOUD_BACKUP_REGION_LOCK',
    ['ENABLED', 'DISABLED'],
    'Keep cloud copies in the region of the source',
  ],
  ['ENCRYPTION_AT_REST', ['ENABLED'], 'Encrypt protection stores at rest'],
  ['WEBHOOK_RETRY_COUNT', ['0', '3', '5'], 'Retries of a failed webhook delivery'],
  [
    'SOFTWARE_RELEASE_CHANNEL',
    ['GENERAL_AVAILABILITY', 'EARLY_ACCESS'],
    'Which releases are offered',
  ],
  ['DATA_RESIDENCY', ['REGION', 'GLOBAL'], 'Where metadata of this workspace is stored'],
];

/** 15 customer settings; possibleValues is a JSON array serialised as a string, as upstream. */
export function seedSettings(context: SeedContext): SettingWire[] {
  const random = context.randomFor('settings');
  return SETTINGS.map(([name, values, description]) => {
    const id = random.uuid();
    const updatedMs = SEED_EPOCH_MS - random.int(1, 120) * DAY_MS + random.int(0, 86_399) * 1000;
    const current = random.pick(values);
    return {
      id,
      type: 'data-services/setting',
      name,
      generation: random.int(1, 5),
      createdAt: iso(updatedMs - 200 * DAY_MS),
      updatedAt: iso(updatedMs),
      resourceUri: `${SETTINGS_PATH}/${id}`,
      customerId: context.customerId,
      currentValue: current,
      nextValue: current,
      possibleValues: JSON.stringify(values),
      description,
      externalApplicationName: 'Data Services',
      lastUpdatedAt: iso(updatedMs),
      lastUpdatedBy: random.pick(USER_EMAILS),
      consoleUri: `/data-services/settings/${name.toLowerCase()}`,
    };
  });
}
