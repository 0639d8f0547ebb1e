import type { Db } from '@tiksavr/db';
import { type BudgetClock, clockNowMs, timestampAt } from './budget-clock.ts';
import { lockBudgetRow } from './budget-row.ts';
import type { BudgetTuning } from './budget-tuning.ts';
import type { BudgetPushback } from './budget-types.ts';
import { pushbackEffect } from './slot-schedule.ts';

/** Writes a pushback to the shared row (slowdown, pause, when and why) and counts it in its minute. */
export async function recordPushback(
  db: Db,
  clock: BudgetClock,
  tuning: BudgetTuning,
  pushback: BudgetPushback,
): Promise<{ slowdown: number; pausedUntilMs: number | null }> {
  return db.$transaction(
    async (tx) => {
      const state = await lockBudgetRow(tx);
      const nowMs = await clockNowMs(tx, clock);
      const effect = pushbackEffect(state, nowMs, pushback, tuning);
      const at = timestampAt(nowMs);
      const pausedUntil = effect.pausedUntilMs === null ? null : timestampAt(effect.pausedUntilMs);
      await tx.$executeRaw`
        UPDATE "UpstreamBudget"
           SET slowdown = ${effect.storedSlowdown}::float8, "pausedUntil" = ${pausedUntil},
               "lastPushbackAt" = ${at}, "lastPushbackReason" = ${pushback.kind}, "updatedAt" = ${at}
         WHERE id = 1`;
      await tx.$executeRaw`
        INSERT INTO "UpstreamMinute" (minute, pushbacks) VALUES (date_trunc('minute', ${at}), 1)
        ON CONFLICT (minute) DO UPDATE SET pushbacks = "UpstreamMinute".pushbacks + 1`;
      return { slowdown: effect.storedSlowdown, pausedUntilMs: effect.pausedUntilMs };
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}
