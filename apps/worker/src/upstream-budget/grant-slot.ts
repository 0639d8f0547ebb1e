import type { Db } from '@tiksavr/db';
import type { WaiterRow } from './waiter-rows.ts';

export type GrantAttempt = {
  readonly holder: string;
  /** This process's waiters: the only ones it may grant. */
  readonly ours: readonly string[];
  /**
   * Rows to write before looking: new waiters (createdAtMs null: they get the look's clock) and,
   * when their heartbeat is due, all of ours (an upsert, so a row swept while the process stalled
   * comes back with its place in the queue).
   */
  readonly write: readonly WaiterRow[];
  /** Also remove rows of processes gone for good (no heartbeat for this long). */
  readonly sweepDeadMs: number | null;
  /** A waiter whose heartbeat is older than this is skipped. */
  readonly staleMs: number;
  readonly requestsPerMinute: number;
  readonly recoveryMs: number;
  /** How early the pump looks for its own slot (tuning.slotLeadMs; see leadBefore). */
  readonly leadMs: number;
  /** Tests only: the clock in ms; null = the database's clock (a test clock never waits in SQL). */
  readonly nowMs: number | null;
};

/** Who goes next after the look: one of ours, another process's waiter, or no live waiter. */
export type NextWaiter = 'ours' | 'theirs' | 'nobody';

export type GrantOutcome = {
  /** The waiter that got the slot, or null. */
  readonly granted: string | null;
  /** The clock when the look wrote our rows (ms since the epoch): new rows got it as createdAt. */
  readonly writtenMs: number;
  /** The clock when the look decided (later than writtenMs when it waited for our slot). */
  readonly nowMs: number;
  /** The earliest start of the next request (after this grant, when there was one). */
  readonly nextSlotMs: number;
  readonly intervalMs: number;
  readonly next: NextWaiter;
  /** Another process has a live waiter (it may outrank ours at any slot). */
  readonly othersWaiting: boolean;
};

type LookRow = {
  granted_id: string | null;
  written_ms: number;
  now_ms: number;
  next_slot_ms: number;
  interval_ms: number;
  next_waiter: string;
  others_waiting: boolean;
};

function nextWaiterOf(value: string): NextWaiter {
  return value === 'ours' || value === 'theirs' ? value : 'nobody';
}

/**
 * One look at the budget: one call of the SQL function `upstream_budget_look` (migration
 * 20261204190000_budget_grant_function), which holds the budget row's lock for the statement.
 * It writes our waiter rows, sweeps dead ones when asked, and if the next live waiter is one of
 * ours and its slot has come (or comes within the lead: the function waits for it), gives it the
 * slot (records the time, deletes its row, counts the minute). One round trip and no interactive
 * transaction: a look used to be a Prisma transaction of four to eight statements (plus an
 * insert per request), most of a watch check's CPU.
 */
export async function tryGrantSlot(db: Db, attempt: GrantAttempt): Promise<GrantOutcome> {
  const { write } = attempt;
  const rows = await db.$queryRaw<LookRow[]>`
    SELECT * FROM upstream_budget_look(
      ${attempt.holder}, ${attempt.ours}::uuid[],
      ${write.map((w) => w.id)}::uuid[], ${write.map((w) => w.priority.toString())}::bigint[],
      ${write.map((w) => w.purpose)}::text[], ${write.map((w) => w.createdAtMs)}::float8[],
      ${attempt.sweepDeadMs}::float8, ${attempt.staleMs}::float8,
      ${attempt.requestsPerMinute}::float8, ${attempt.recoveryMs}::float8, ${attempt.leadMs}::float8,
      ${attempt.nowMs}::float8)`;
  const row = rows[0];
  if (row === undefined) throw new Error('upstream_budget_look returned no row');
  return {
    granted: row.granted_id,
    writtenMs: row.written_ms,
    nowMs: row.now_ms,
    nextSlotMs: row.next_slot_ms,
    intervalMs: row.interval_ms,
    next: nextWaiterOf(row.next_waiter),
    othersWaiting: row.others_waiting,
  };
}

/**
 * Whether a waiter arriving after this look may wait for the pump's next look to write its row:
 * when ours goes next, that look comes at the slot, and while no other process waits nobody else
 * can take the slot first. `alone`: the process has seen no other process's waiter for a while
 * (tuning.aloneAfterMs), since one that waits at this look's time is not seen yet. Otherwise the
 * newcomer is written at once: it may outrank a waiter of another process.
 */
export function newcomersMayWait(outcome: GrantOutcome, alone: boolean): boolean {
  return alone && outcome.next === 'ours' && !outcome.othersWaiting;
}

/**
 * How early the pump looks for its own slot: `slotLeadMs`, at most a tenth of the interval (the
 * SQL function computes the same bound and waits that long at most, plus 2 ms). 0 with a test
 * clock, which the function never waits for.
 */
export function leadBefore(intervalMs: number, slotLeadMs: number): number {
  return Math.max(0, Math.min(slotLeadMs, intervalMs / 10));
}

/**
 * How long the pump sleeps after a look before the next one (from when its answer came):
 * - waiters of ours arrived during the look (`unwritten.any`) that may not wait: at once;
 * - our waiter goes next: until `leadMs` before its slot, the database waiting the rest; with
 *   no lead, until 1 ms after it (the clock is read in whole milliseconds, and waking a hair
 *   early costs a wasted look);
 * - another process's waiter goes next: until the slot after that one, when ours may be next
 *   (every waiting process wakes at slot times anyway, so no LISTEN/NOTIFY is needed to hand a
 *   slot over; a remote waiter that gives up just before its slot costs at most one slot);
 * - nobody: at once (our rows went missing and are written again, or new ones wait to be written).
 */
export function sleepAfterLook(
  outcome: GrantOutcome,
  unwritten: { readonly any: boolean; readonly mayWait: boolean },
  slotLeadMs: number,
): number {
  if (unwritten.any && !unwritten.mayWait) return 0;
  const untilSlot = Math.max(0, outcome.nextSlotMs - outcome.nowMs);
  if (outcome.next === 'ours') {
    const leadMs = leadBefore(outcome.intervalMs, slotLeadMs);
    return leadMs > 0 ? Math.max(0, untilSlot - leadMs) : untilSlot + 1;
  }
  if (outcome.next === 'nobody') return 0;
  return untilSlot + outcome.intervalMs;
}
