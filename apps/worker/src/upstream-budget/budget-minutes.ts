import type { Db } from '@tiksavr/db';
import type { BudgetClock } from './budget-clock.ts';

/** Per-minute counters older than this are dropped (the admin shows one hour). */
export const KEEP_MINUTES_MS = 24 * 60 * 60_000;

export async function pruneBudgetMinutes(db: Db, clock: BudgetClock): Promise<void> {
  await db.$executeRaw`
    DELETE FROM "UpstreamMinute" WHERE minute < ${clock()} - ${KEEP_MINUTES_MS}::float8 * INTERVAL '1 millisecond'`;
}
