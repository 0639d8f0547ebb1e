import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

/**
 * The admin's instance-wide storage rules, kept in the Setting table (a JSON number each; no row
 * or JSON null: no limit / keep forever). The web app writes them, the web app and the worker
 * read them on each use, so a change needs no restart.
 */
export const STORAGE_SETTING_KEYS = {
  defaultBytes: 'quota.defaultBytes',
  defaultItems: 'quota.defaultItems',
  retentionDays: 'retention.days',
} as const;

export type StorageSettings = {
  /** Bytes each person may keep unless the admin set their own limit; null: no limit. */
  readonly defaultBytes: number | null;
  /** Items each person may have unless the admin set their own limit; null: no limit. */
  readonly defaultItems: number | null;
  /** Unpinned items older than this many days are deleted; null: kept forever. */
  readonly retentionDays: number | null;
};

/** What each setting accepts; 0 is a real limit (nothing more may be saved). */
export const STORAGE_SETTING_BOUNDS = {
  defaultBytes: { min: 0, max: Number.MAX_SAFE_INTEGER },
  defaultItems: { min: 0, max: 1_000_000_000 },
  retentionDays: { min: 1, max: 100 * 365 },
} as const satisfies Record<keyof StorageSettings, { min: number; max: number }>;

type Reader = Pick<PrismaClient, 'setting'> | Pick<Prisma.TransactionClient, 'setting'>;

function usable(name: keyof StorageSettings, value: unknown): number | null {
  const { min, max } = STORAGE_SETTING_BOUNDS[name];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

export const STORAGE_SETTING_KEY_LIST: readonly string[] = Object.values(STORAGE_SETTING_KEYS);

/** The settings from their Setting rows (any other rows are ignored). */
export function storageSettingsFrom(rows: readonly { key: string; value: unknown }[]): StorageSettings {
  const settingOf = (name: keyof StorageSettings) =>
    usable(name, rows.find((row) => row.key === STORAGE_SETTING_KEYS[name])?.value);
  return {
    defaultBytes: settingOf('defaultBytes'),
    defaultItems: settingOf('defaultItems'),
    retentionDays: settingOf('retentionDays'),
  };
}

export async function readStorageSettings(db: Reader): Promise<StorageSettings> {
  return storageSettingsFrom(
    await db.setting.findMany({ where: { key: { in: [...STORAGE_SETTING_KEY_LIST] } } }),
  );
}

/** Sets the given settings (null: no limit / keep forever); a field left out stays as it is. */
export async function writeStorageSettings(
  db: PrismaClient,
  values: Partial<StorageSettings>,
): Promise<void> {
  const entries = Object.entries(values) as [keyof StorageSettings, number | null | undefined][];
  for (const [name, value] of entries) {
    if (value != null && usable(name, value) === null) throw new RangeError(`${name} is out of range`);
  }
  await db.$transaction(async (tx) => {
    for (const [name, value] of entries) {
      const key = STORAGE_SETTING_KEYS[name];
      if (value === undefined) continue;
      if (value === null) await tx.setting.deleteMany({ where: { key } });
      else await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
  });
}
