import { randomUUID } from 'node:crypto';
import { AppError } from '@tiksavr/core';
import type { Db } from '@tiksavr/db';
import type { Logger } from '../logger.ts';
import { budgetClock } from './budget-clock.ts';
import { pruneBudgetMinutes } from './budget-minutes.ts';
import { type BudgetTuning, DEFAULT_BUDGET_TUNING } from './budget-tuning.ts';
import type { BudgetPushback, BudgetStatus, UpstreamBudget } from './budget-types.ts';
import { cachedRate } from './cached-rate.ts';
import { claimPriority } from './claim-priority.ts';
import { newcomersMayWait, sleepAfterLook, tryGrantSlot } from './grant-slot.ts';
import { readBudgetStatus } from './read-budget-status.ts';
import { recordPushback } from './record-pushback.ts';
import { deleteWaiter, type WaiterRow } from './waiter-rows.ts';
import { wakeableSleep } from './wakeable-sleep.ts';

export type UpstreamBudgetOptions = {
  db: Db;
  /** Who waits: this worker process (its WorkerHeartbeat id). One budget per holder id. */
  holderId: string;
  log: Logger;
  /** The configured rate, e.g. () => budgetRateFrom(db, config.tiktokRequestsPerMinute); cached a few seconds. */
  requestsPerMinute: () => Promise<number> | number;
  /** Tests only: a clock for every instance sharing the database. Default: the database's clock. */
  now?: () => Date;
  /** Tests only: shorter times. */
  tuning?: Partial<BudgetTuning>;
};

type Waiting = {
  readonly row: WaiterRow;
  granted(): void;
  /** Stops waiting: removes the row, then rejects with `error`. */
  stop(error: AppError): Promise<void>;
};

const SWEEP_EVERY_MS = 30_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * The politeness budget toward TikTok for one process. Requests wait as rows in Postgres, so
 * every worker process shares one schedule; within a process one loop (the pump) looks at the
 * budget for all of its waiters, one statement per look (grant-slot.ts): it writes the rows of
 * new waiters, grants the next slot when the next live waiter is one of them and the slot has
 * come, and otherwise sleeps until the slot. A new waiter wakes the pump, unless one of ours goes
 * next and no other process has waited for a while: then its row is written by the look at that
 * slot, which nobody else can take first. So an idle budget grants in one round trip, and a busy
 * one in about one per slot when it is the only process waiting (two when several are).
 */
export function createUpstreamBudget(o: UpstreamBudgetOptions): UpstreamBudget {
  const tuning: BudgetTuning = { ...DEFAULT_BUDGET_TUNING, ...o.tuning };
  const clock = budgetClock(o.now);
  const testNow = o.now;
  // A test clock is never waited for in the database: no lead then.
  const slotLeadMs = testNow === undefined ? tuning.slotLeadMs : 0;
  const log = o.log.child({ component: 'upstream-budget', holder: o.holderId });
  const rate = cachedRate(o.requestsPerMinute, tuning.rateCacheMs, log);
  const waiting = new Map<string, Waiting>();
  const nap = wakeableSleep();
  let closed = false;
  let pump: Promise<void> | null = null;
  let refreshedAt = Number.NEGATIVE_INFINITY;
  let sweptAt = performance.now();
  let prunedAt = Number.NEGATIVE_INFINITY;
  let mustRefresh = false;
  /** When a look last saw another process's waiter (or this budget started). */
  let othersSeenAt = performance.now();
  /** Newcomers need not wake the pump: its next look writes their rows in time (see newcomersMayWait), or it backs off. */
  let newcomersWait = false;
  /** The pump's look running now: its heartbeat may write rows of waiters that just left. */
  let inFlight: Promise<unknown> | null = null;

  const startPump = () => {
    if (pump === null && !closed && waiting.size > 0) {
      // A wake meant for the pump that just ended: the new one looks first anyway.
      nap.forget();
      pump = runPump().finally(() => {
        pump = null;
        startPump();
      });
    }
  };
  const kick = () => {
    nap.wake();
    startPump();
  };

  const lookOnce = async (): Promise<{ sleepMs: number; from: number }> => {
    const startedAt = performance.now();
    const refresh = mustRefresh || startedAt - refreshedAt >= tuning.heartbeatMs;
    const sweep = startedAt - sweptAt >= SWEEP_EVERY_MS;
    const requestsPerMinute = await rate();
    // The snapshot of our waiters and inFlight are taken together, with no await between.
    const rows = [...waiting.values()].map((w) => w.row);
    const looking = tryGrantSlot(o.db, {
      holder: o.holderId,
      ours: rows.map((row) => row.id),
      write: refresh ? rows : rows.filter((row) => row.createdAtMs === null),
      sweepDeadMs: sweep ? tuning.waiterStaleMs * 4 : null,
      staleMs: tuning.waiterStaleMs,
      requestsPerMinute,
      recoveryMs: tuning.recoveryMs,
      leadMs: slotLeadMs,
      nowMs: testNow === undefined ? null : testNow().getTime(),
    });
    inFlight = looking;
    const outcome = await looking.finally(() => {
      inFlight = null;
    });
    const answeredAt = performance.now();
    for (const row of rows) row.createdAtMs ??= outcome.writtenMs;
    if (refresh) {
      refreshedAt = startedAt;
      mustRefresh = false;
    }
    if (sweep) sweptAt = startedAt;
    if (outcome.granted !== null) {
      const granted = waiting.get(outcome.granted);
      waiting.delete(outcome.granted);
      // It stopped waiting (aborted) while the slot was being granted: the slot goes unused.
      if (granted === undefined) log.debug('a slot went to a request that had stopped waiting');
      else granted.granted();
    }
    let unwritten = false;
    let written = false;
    for (const w of waiting.values()) {
      if (w.row.createdAtMs === null) unwritten = true;
      else written = true;
    }
    // No live waiter, though rows of ours were written: they went missing (swept while this
    // process stalled); write them all again.
    if (outcome.next === 'nobody' && written) mustRefresh = true;
    if (outcome.othersWaiting) othersSeenAt = answeredAt;
    newcomersWait = newcomersMayWait(outcome, answeredAt - othersSeenAt >= tuning.aloneAfterMs);
    const sleepMs = sleepAfterLook(outcome, { any: unwritten, mayWait: newcomersWait }, slotLeadMs);
    return { sleepMs, from: answeredAt };
  };

  const pruneNowAndThen = () => {
    const at = performance.now();
    if (at - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at;
    pruneBudgetMinutes(o.db, clock).catch((error: unknown) =>
      log.warn({ err: error }, 'upstream budget: could not prune old minutes'),
    );
  };

  async function runPump(): Promise<void> {
    let failures = 0;
    while (!closed && waiting.size > 0) {
      let next: { sleepMs: number; from: number };
      try {
        next = await lookOnce();
        failures = 0;
      } catch (error) {
        failures++;
        log.warn({ err: error, failures }, 'upstream budget: database error; trying again');
        newcomersWait = true;
        next = { sleepMs: tuning.errorBackoffMs * Math.min(failures, 10), from: performance.now() };
      }
      pruneNowAndThen();
      if (closed || waiting.size === 0) return;
      const wakeAt = next.from + Math.min(next.sleepMs, tuning.maxSleepMs);
      await nap.sleep(wakeAt - performance.now());
    }
  }

  const canceled = (why: string, cause?: unknown) =>
    new AppError('canceled', why, cause === undefined ? {} : { cause });

  return {
    async acquire(claim, signal) {
      if (closed) throw canceled('The TikTok request budget is closed');
      if (signal?.aborted)
        throw canceled('Canceled before waiting for the TikTok request budget', signal.reason);
      const row: WaiterRow = {
        id: randomUUID(),
        priority: claimPriority(claim),
        purpose: claim.purpose,
        createdAtMs: null,
      };
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          void entry.stop(canceled('Canceled while waiting for the TikTok request budget', signal?.reason));
        };
        const entry: Waiting = {
          row,
          granted: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          stop: async (error) => {
            if (!waiting.delete(row.id)) return;
            signal?.removeEventListener('abort', onAbort);
            // After the pump's look under way, which may write the row (again).
            await inFlight?.catch(() => {});
            await deleteWaiter(o.db, row.id).catch((deleteError: unknown) =>
              log.warn(
                { err: deleteError },
                'upstream budget: could not remove a waiter (it expires by heartbeat)',
              ),
            );
            reject(error);
            kick();
          },
        };
        waiting.set(row.id, entry);
        signal?.addEventListener('abort', onAbort, { once: true });
        if (pump === null) startPump();
        else if (!newcomersWait) nap.wake();
      });
      log.debug({ purpose: claim.purpose, label: claim.label }, 'upstream budget: slot granted');
    },

    async reportPushback(p: BudgetPushback) {
      const effect = await recordPushback(o.db, clock, tuning, p).catch((error: unknown) => {
        log.error({ err: error, pushback: p }, 'upstream budget: could not record a pushback');
        throw error;
      });
      log.warn(
        {
          kind: p.kind,
          retryAfterSeconds: p.retryAfterSeconds,
          slowdown: effect.slowdown,
          pausedUntil: effect.pausedUntilMs === null ? null : new Date(effect.pausedUntilMs).toISOString(),
        },
        'TikTok pushed back; the request budget slows down',
      );
      kick();
    },

    async status(): Promise<BudgetStatus> {
      return readBudgetStatus(o.db, clock, tuning, await rate());
    },

    async close() {
      closed = true;
      const stopping = [...waiting.values()].map((w) =>
        w.stop(canceled('The TikTok request budget was closed')),
      );
      nap.wake();
      await Promise.all(stopping);
      await pump;
    },
  };
}
