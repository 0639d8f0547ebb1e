import { type Db, Prisma } from '@tiksavr/db';
import type { BudgetRowState } from './slot-schedule.ts';

type Executor = Db | Prisma.TransactionClient;

type RawRow = {
  lastSlotMs: number;
  slowdown: number;
  pausedUntilMs: number | null;
  lastPushbackMs: number | null;
  lastPushbackReason: string | null;
};

function toState(row: RawRow): BudgetRowState & { lastPushbackReason: string | null } {
  return {
    lastSlotMs: row.lastSlotMs,
    storedSlowdown: row.slowdown,
    pausedUntilMs: row.pausedUntilMs,
    lastPushbackMs: row.lastPushbackMs,
    lastPushbackReason: row.lastPushbackReason,
  };
}

async function selectRow(db: Executor, forUpdate: boolean): Promise<RawRow | undefined> {
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT (extract(epoch FROM "lastSlotAt") * 1000)::float8 AS "lastSlotMs", slowdown,
           (extract(epoch FROM "pausedUntil") * 1000)::float8 AS "pausedUntilMs",
           (extract(epoch FROM "lastPushbackAt") * 1000)::float8 AS "lastPushbackMs",
           "lastPushbackReason"
      FROM "UpstreamBudget" WHERE id = 1 ${forUpdate ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  return rows[0];
}

async function createRow(db: Executor): Promise<void> {
  // The epoch as the last slot: the very first request may start at once.
  await db.$executeRaw`
    INSERT INTO "UpstreamBudget" (id, "lastSlotAt", slowdown, "updatedAt")
    VALUES (1, TIMESTAMP 'epoch', 1, now() AT TIME ZONE 'UTC') ON CONFLICT (id) DO NOTHING`;
}

/**
 * Locks the one budget row for the rest of the transaction (creating it on first use) and reads
 * it. Every change to the schedule and the waiters' order happens under this lock.
 */
export async function lockBudgetRow(
  tx: Prisma.TransactionClient,
): Promise<BudgetRowState & { lastPushbackReason: string | null }> {
  const row = await selectRow(tx, true);
  if (row !== undefined) return toState(row);
  await createRow(tx);
  const created = await selectRow(tx, true);
  if (created === undefined) throw new Error('The UpstreamBudget row could not be created');
  return toState(created);
}

/** Reads the row without locking it (the status page); a budget never used reads as fresh. */
export async function readBudgetRow(
  db: Executor,
): Promise<BudgetRowState & { lastPushbackReason: string | null }> {
  const row = await selectRow(db, false);
  if (row !== undefined) return toState(row);
  return {
    lastSlotMs: 0,
    storedSlowdown: 1,
    pausedUntilMs: null,
    lastPushbackMs: null,
    lastPushbackReason: null,
  };
}
