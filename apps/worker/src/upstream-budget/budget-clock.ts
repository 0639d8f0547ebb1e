import { type Db, Prisma } from '@tiksavr/db';

/**
 * "Now" as a SQL expression (a UTC `timestamp`, like Prisma's DateTime columns). By default the
 * database's clock_timestamp(), so worker hosts whose clocks disagree still agree on the
 * schedule; tests may pass their own clock, which then goes in as a parameter.
 */
export type BudgetClock = () => Prisma.Sql;

export function budgetClock(now?: () => Date): BudgetClock {
  if (now === undefined) return () => Prisma.sql`(clock_timestamp() AT TIME ZONE 'UTC')`;
  return () => timestampAt(now().getTime());
}

/** A UTC `timestamp` from milliseconds since the epoch. */
export function timestampAt(ms: number): Prisma.Sql {
  return Prisma.sql`(TIMESTAMP 'epoch' + ${ms}::float8 * INTERVAL '1 millisecond')`;
}

/** Reads the clock once, in whole milliseconds. */
export async function clockNowMs(db: Db | Prisma.TransactionClient, clock: BudgetClock): Promise<number> {
  const rows = await db.$queryRaw<
    { nowMs: number }[]
  >`SELECT (extract(epoch FROM ${clock()}) * 1000)::float8 AS "nowMs"`;
  return Math.floor(rows[0]!.nowMs);
}
