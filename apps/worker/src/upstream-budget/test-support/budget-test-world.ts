import type { Db } from '@tiksavr/db';
import { createLogger } from '../../logger.ts';
import type { BudgetTuning } from '../budget-tuning.ts';
import type { UpstreamBudget } from '../budget-types.ts';
import { createUpstreamBudget } from '../create-upstream-budget.ts';

/**
 * Test support: a trigger that writes every slot the budget grants (its lastSlotAt, database
 * clock) to a log table in the test database, so tests assert on recorded grant times instead
 * of on when their own timers happened to fire.
 */
export async function installGrantLog(db: Db): Promise<void> {
  await db.$executeRawUnsafe(
    `CREATE TABLE budget_grant_log (seq bigserial PRIMARY KEY, at timestamp(3) NOT NULL)`,
  );
  await db.$executeRawUnsafe(`
    CREATE FUNCTION log_budget_grant() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NEW."lastSlotAt" IS DISTINCT FROM OLD."lastSlotAt" THEN
        INSERT INTO budget_grant_log (at) VALUES (NEW."lastSlotAt");
      END IF;
      RETURN NEW;
    END $fn$`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER budget_grant_log AFTER UPDATE ON "UpstreamBudget" FOR EACH ROW EXECUTE FUNCTION log_budget_grant()`,
  );
}

/** Grant times in ms since the epoch, in grant order. */
export async function grantTimes(db: Db): Promise<number[]> {
  const rows = await db.$queryRaw<{ ms: number }[]>`
    SELECT (extract(epoch FROM at) * 1000)::float8 AS ms FROM budget_grant_log ORDER BY seq`;
  return rows.map((row) => row.ms);
}

export function gapsOf(times: readonly number[]): number[] {
  return times.slice(1).map((time, index) => time - times[index]!);
}

/** Forgets everything the budget stored (between tests of one file). */
export async function resetBudget(db: Db): Promise<void> {
  await db.$executeRawUnsafe(
    `TRUNCATE "UpstreamBudget", "UpstreamBudgetWaiter", "UpstreamMinute", budget_grant_log, "Setting"`,
  );
}

export function testBudget(
  db: Db,
  holderId: string,
  requestsPerMinute: number | (() => Promise<number> | number),
  tuning: Partial<BudgetTuning> = {},
  now?: () => Date,
): UpstreamBudget {
  return createUpstreamBudget({
    db,
    holderId,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    requestsPerMinute: typeof requestsPerMinute === 'number' ? () => requestsPerMinute : requestsPerMinute,
    tuning: { rateCacheMs: 0, ...tuning },
    ...(now === undefined ? {} : { now }),
  });
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function waiterCount(db: Db): Promise<number> {
  return db.upstreamBudgetWaiter.count();
}
