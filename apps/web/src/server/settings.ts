import type { Db } from '@tiksavr/db';

/** Instance-wide settings stored in the Setting table. */
const SIGNUP_OPEN = 'signup.open';

export async function isSignupOpen(db: Db): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: SIGNUP_OPEN } });
  return row ? row.value === true : true;
}

export async function setSignupOpen(db: Db, open: boolean): Promise<void> {
  await db.setting.upsert({
    where: { key: SIGNUP_OPEN },
    create: { key: SIGNUP_OPEN, value: open },
    update: { value: open },
  });
}

/**
 * Numbers an admin may set, each overriding an instance default from the environment
 * (server/watches/watch-config.ts joins the two). Stored as a plain JSON number; the worker
 * reads the same keys. Within these bounds; whole numbers except the rate (the worker's budget
 * accepts 0.1 to 6000 requests per minute).
 */
export const NUMBER_SETTINGS = {
  'upstream.requestsPerMinute': { min: 0.1, max: 6000, integer: false },
  'watch.defaultIntervalSeconds': { min: 1, max: 7 * 24 * 60 * 60, integer: true },
  'watch.minIntervalSeconds': { min: 1, max: 7 * 24 * 60 * 60, integer: true },
  'watch.maxPerUser': { min: 1, max: 100_000, integer: true },
} as const;

export type NumberSettingKey = keyof typeof NUMBER_SETTINGS;
export const NUMBER_SETTING_KEYS = Object.keys(NUMBER_SETTINGS) as NumberSettingKey[];

function isUsableNumber(key: NumberSettingKey, value: unknown): value is number {
  const { min, max, integer } = NUMBER_SETTINGS[key];
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    value >= min &&
    value <= max
  );
}

/** The admin-set numbers among `keys`; a key without a row (or with an unusable value) is absent. */
export async function readNumberSettings(
  db: Db,
  keys: readonly NumberSettingKey[] = NUMBER_SETTING_KEYS,
): Promise<Partial<Record<NumberSettingKey, number>>> {
  const rows = await db.setting.findMany({ where: { key: { in: [...keys] } } });
  const values: Partial<Record<NumberSettingKey, number>> = {};
  for (const row of rows) {
    const key = row.key as NumberSettingKey;
    if (isUsableNumber(key, row.value)) values[key] = row.value;
  }
  return values;
}

/** Sets each given number; null removes the override, so the instance default applies again. */
export async function writeNumberSettings(
  db: Db,
  values: Partial<Record<NumberSettingKey, number | null>>,
): Promise<void> {
  const entries = Object.entries(values) as [NumberSettingKey, number | null | undefined][];
  for (const [key, value] of entries) {
    if (value != null && !isUsableNumber(key, value)) throw new RangeError(`${key} is out of range`);
  }
  await db.$transaction(async (tx) => {
    for (const [key, value] of entries) {
      if (value === undefined) continue;
      if (value === null) await tx.setting.deleteMany({ where: { key } });
      else await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
  });
}
