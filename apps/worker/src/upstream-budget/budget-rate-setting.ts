import type { Db } from '@tiksavr/db';

/** The Setting an admin changes to override env TIKTOK_REQUESTS_PER_MINUTE (a JSON number). */
export const UPSTREAM_RATE_SETTING = 'upstream.requestsPerMinute';

/** Modest by default: peers' users find about one page request every 2–3 s per IP safe. */
export const DEFAULT_REQUESTS_PER_MINUTE = 20;

/** The widest rates accepted from a Setting or the environment. */
export const MIN_REQUESTS_PER_MINUTE = 0.1;
export const MAX_REQUESTS_PER_MINUTE = 6000;

export function isUsableRate(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= MIN_REQUESTS_PER_MINUTE &&
    value <= MAX_REQUESTS_PER_MINUTE
  );
}

/**
 * The budget's rate: the admin's Setting when it holds a usable number (a numeric string is
 * accepted too), else the environment's default. For createUpstreamBudget's `requestsPerMinute`
 * callback, which the budget caches for a few seconds.
 */
export async function budgetRateFrom(db: Db, envDefault: number): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: UPSTREAM_RATE_SETTING } });
  const value = typeof row?.value === 'string' && row.value.trim() !== '' ? Number(row.value) : row?.value;
  return isUsableRate(value) ? value : envDefault;
}
