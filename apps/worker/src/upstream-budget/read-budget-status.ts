import type { Db } from '@tiksavr/db';
import { type BudgetClock, clockNowMs, timestampAt } from './budget-clock.ts';
import { readBudgetRow } from './budget-row.ts';
import type { BudgetTuning } from './budget-tuning.ts';
import {
  BUDGET_PURPOSES,
  type BudgetMinute,
  type BudgetPurpose,
  type BudgetStatus,
  type PushbackKind,
} from './budget-types.ts';
import { slotSchedule } from './slot-schedule.ts';

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;

function isPurpose(value: string): value is BudgetPurpose {
  return (BUDGET_PURPOSES as readonly string[]).includes(value);
}

/** The admin's view of the shared budget, read without taking its lock. */
export async function readBudgetStatus(
  db: Db,
  clock: BudgetClock,
  tuning: BudgetTuning,
  requestsPerMinute: number,
): Promise<BudgetStatus> {
  const nowMs = await clockNowMs(db, clock);
  const now = timestampAt(nowMs);
  const [row, waiters, minutes] = await Promise.all([
    readBudgetRow(db),
    db.$queryRaw<{ purpose: string; count: number; oldestMs: number }[]>`
      SELECT purpose, count(*)::int AS count, (extract(epoch FROM min("createdAt")) * 1000)::float8 AS "oldestMs"
        FROM "UpstreamBudgetWaiter"
       WHERE "heartbeatAt" >= ${now} - ${tuning.waiterStaleMs}::float8 * INTERVAL '1 millisecond'
       GROUP BY purpose`,
    db.$queryRaw<{ minuteMs: number; granted: number; pushbacks: number }[]>`
      SELECT (extract(epoch FROM minute) * 1000)::float8 AS "minuteMs", granted, pushbacks
        FROM "UpstreamMinute"
       WHERE minute > date_trunc('minute', ${now}) - INTERVAL '1 hour'`,
  ]);

  const slot = slotSchedule(row, nowMs, requestsPerMinute, tuning);
  const waiting: Record<BudgetPurpose, number> = { story: 0, identify: 0, download: 0, watch_check: 0 };
  let oldestMs: number | null = null;
  for (const waiter of waiters) {
    if (isPurpose(waiter.purpose)) waiting[waiter.purpose] += waiter.count;
    oldestMs = oldestMs === null ? waiter.oldestMs : Math.min(oldestMs, waiter.oldestMs);
  }

  const byMinute = new Map(minutes.map((m) => [Math.round(m.minuteMs), m]));
  const currentMinuteMs = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  const lastHour: BudgetMinute[] = [];
  for (let back = HOUR_MINUTES - 1; back >= 0; back--) {
    const minuteMs = currentMinuteMs - back * MINUTE_MS;
    const counted = byMinute.get(minuteMs);
    lastHour.push({
      minute: new Date(minuteMs),
      granted: counted?.granted ?? 0,
      pushbacks: counted?.pushbacks ?? 0,
    });
  }

  return {
    at: new Date(nowMs),
    requestsPerMinute,
    effectiveRequestsPerMinute: requestsPerMinute / slot.slowdown,
    slowdown: slot.slowdown,
    pausedUntil: row.pausedUntilMs !== null && row.pausedUntilMs > nowMs ? new Date(row.pausedUntilMs) : null,
    nextSlotAt: new Date(Math.max(nowMs, Math.ceil(slot.nextSlotMs))),
    lastPushback:
      row.lastPushbackMs === null || row.lastPushbackReason === null
        ? null
        : { at: new Date(row.lastPushbackMs), kind: row.lastPushbackReason as PushbackKind },
    waiting,
    oldestWaitingSince: oldestMs === null ? null : new Date(oldestMs),
    lastHour,
  };
}
