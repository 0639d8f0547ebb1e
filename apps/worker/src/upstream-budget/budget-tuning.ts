/**
 * The budget's constants. Production uses the defaults; tests shorten the times.
 */
export type BudgetTuning = {
  /** Each pushback multiplies the slowdown by this… */
  slowdownFactor: number;
  /** …up to this (at the default 20/min, ×16 is one request every 48 s). */
  maxSlowdown: number;
  /** The slowdown halves after each stretch this long without a pushback. */
  recoveryMs: number;
  /**
   * Pushbacks this soon after the previous one count once: requests already in flight when
   * TikTok started refusing all come back refused, and that is one signal, not several.
   */
  pushbackDebounceMs: number;
  /** Pause after a 429 that gives no Retry-After. */
  rateLimitedPauseMs: number;
  /** A Retry-After longer than this is capped (a bad header must not stop the worker for days). */
  maxPauseMs: number;
  /** A waiter whose heartbeat is older than this belongs to a stopped process and is skipped. */
  waiterStaleMs: number;
  /** How often a process refreshes the heartbeat of its waiters. */
  heartbeatMs: number;
  /** Longest sleep of a process with waiters between two looks at the budget. */
  maxSleepMs: number;
  /** How long the configured rate (a Setting read) is reused before it is asked again. */
  rateCacheMs: number;
  /** Wait after a database error before trying again. */
  errorBackoffMs: number;
  /**
   * How early (at most a tenth of the interval) the pump looks for its own next slot; the
   * database waits the rest holding the lock, so a late timer or a busy event loop does not
   * push every later slot back (at 1,200/min a 2 ms late wake-up was 4 % of the budget).
   */
  slotLeadMs: number;
  /**
   * A process that saw no other process's waiter for this long (since it started, too) may leave
   * a newcomer's row to its next look when its own waiter goes next (see newcomersMayWait): that
   * saves a round trip per request for a lone worker. Sooner, another process may be registering
   * waiters right now, and a newcomer written late could lose a slot to a lesser one of theirs.
   */
  aloneAfterMs: number;
};

export const DEFAULT_BUDGET_TUNING: BudgetTuning = {
  slowdownFactor: 2,
  maxSlowdown: 16,
  recoveryMs: 10 * 60_000,
  pushbackDebounceMs: 10_000,
  rateLimitedPauseMs: 60_000,
  maxPauseMs: 60 * 60_000,
  waiterStaleMs: 15_000,
  heartbeatMs: 3_000,
  maxSleepMs: 2_000,
  rateCacheMs: 5_000,
  errorBackoffMs: 1_000,
  slotLeadMs: 5,
  aloneAfterMs: 20_000,
};
