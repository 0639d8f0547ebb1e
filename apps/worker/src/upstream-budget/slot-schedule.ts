import type { BudgetTuning } from './budget-tuning.ts';

/** The budget row as the grant logic sees it, times in ms since the epoch (database clock). */
export type BudgetRowState = {
  lastSlotMs: number;
  /** The slowdown as stored at the last pushback (it decays from there). */
  storedSlowdown: number;
  pausedUntilMs: number | null;
  lastPushbackMs: number | null;
};

/**
 * The slowdown in force at `nowMs`: the stored one halved once per `recoveryMs` since the last
 * pushback, never below 1. Computed rather than written back, so recovery needs no timer.
 */
export function effectiveSlowdown(
  state: Pick<BudgetRowState, 'storedSlowdown' | 'lastPushbackMs'>,
  nowMs: number,
  tuning: Pick<BudgetTuning, 'recoveryMs'>,
): number {
  if (state.lastPushbackMs === null || state.storedSlowdown <= 1) return 1;
  const quietStretches = Math.max(0, Math.floor((nowMs - state.lastPushbackMs) / tuning.recoveryMs));
  return Math.max(1, state.storedSlowdown / 2 ** quietStretches);
}

export type SlotSchedule = {
  slowdown: number;
  /** Milliseconds between two request starts: 60 s ÷ rate × slowdown. */
  intervalMs: number;
  /** The earliest start of the next request. */
  nextSlotMs: number;
};

export function slotSchedule(
  state: BudgetRowState,
  nowMs: number,
  requestsPerMinute: number,
  tuning: Pick<BudgetTuning, 'recoveryMs'>,
): SlotSchedule {
  const slowdown = effectiveSlowdown(state, nowMs, tuning);
  const intervalMs = (60_000 / requestsPerMinute) * slowdown;
  const nextSlotMs = Math.max(state.lastSlotMs + intervalMs, state.pausedUntilMs ?? Number.NEGATIVE_INFINITY);
  return { slowdown, intervalMs, nextSlotMs };
}

export type PushbackEffect = { storedSlowdown: number; pausedUntilMs: number | null };

/**
 * What one pushback does to the row: multiply the slowdown in force (unless the previous pushback
 * was within the debounce), and for a 429 pause until Retry-After (or a default pause), keeping
 * a longer pause already set.
 */
export function pushbackEffect(
  state: BudgetRowState,
  nowMs: number,
  pushback: { kind: string; retryAfterSeconds?: number | undefined },
  tuning: BudgetTuning,
): PushbackEffect {
  const current = effectiveSlowdown(state, nowMs, tuning);
  const repeated = state.lastPushbackMs !== null && nowMs - state.lastPushbackMs < tuning.pushbackDebounceMs;
  const storedSlowdown = repeated ? current : Math.min(tuning.maxSlowdown, current * tuning.slowdownFactor);
  let pausedUntilMs =
    state.pausedUntilMs !== null && state.pausedUntilMs > nowMs ? state.pausedUntilMs : null;
  if (pushback.kind === 'rate_limited') {
    const asked = pushback.retryAfterSeconds;
    const pauseMs =
      asked !== undefined && Number.isFinite(asked) && asked >= 0 ? asked * 1000 : tuning.rateLimitedPauseMs;
    const until = nowMs + Math.min(pauseMs, tuning.maxPauseMs);
    pausedUntilMs = Math.max(pausedUntilMs ?? until, until);
  }
  return { storedSlowdown, pausedUntilMs };
}
