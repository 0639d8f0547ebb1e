/** What a request to TikTok is for; decides who goes first when several wait for the budget. */
export type BudgetPurpose = 'story' | 'identify' | 'download' | 'watch_check';

export const BUDGET_PURPOSES: readonly BudgetPurpose[] = ['story', 'identify', 'download', 'watch_check'];

/**
 * One request's place in the queue. Stories go first (dueAt = the story's deadline), then
 * identify and download (dueAt = when the download was queued), then watch checks (dueAt = when
 * the check was due). Within a purpose an earlier dueAt goes first.
 */
export type BudgetClaim = {
  purpose: BudgetPurpose;
  /** ordering key: earlier = first */
  dueAt: Date;
  /** For logs only (e.g. a download id or @handle). */
  label?: string;
};

/** How TikTok pushed back: a 429, a WAF challenge, a login wall, or a public item it hides (10204). */
export type PushbackKind = 'rate_limited' | 'challenge' | 'login_wall' | 'item_hidden';

export type BudgetPushback = { kind: PushbackKind; retryAfterSeconds?: number };

export type BudgetMinute = { minute: Date; granted: number; pushbacks: number };

/** What the admin needs to see about the budget. Times are the database's. */
export type BudgetStatus = {
  /** When this was read (database clock). */
  at: Date;
  /** The configured rate: env TIKTOK_REQUESTS_PER_MINUTE or the admin's Setting. */
  requestsPerMinute: number;
  /** The rate in force now: configured ÷ slowdown (a pause is shown by pausedUntil). */
  effectiveRequestsPerMinute: number;
  /** 1 normally; 2, 4… after TikTok pushed back; halves again after quiet minutes. */
  slowdown: number;
  /** No request starts before this (a 429's Retry-After); null when not paused. */
  pausedUntil: Date | null;
  /** The earliest time the next request may start. */
  nextSlotAt: Date;
  lastPushback: { at: Date; kind: PushbackKind } | null;
  /** Requests waiting for a slot now, by purpose (waiters of live processes only). */
  waiting: Record<BudgetPurpose, number>;
  /** When the longest-waiting live request began to wait; null when none waits. */
  oldestWaitingSince: Date | null;
  /** The last 60 minutes, oldest first, ending with the current minute (zeros included). */
  lastHour: BudgetMinute[];
};

export type UpstreamBudget = {
  /**
   * Waits for a slot (shared across processes via Postgres). Rejects with AppError `canceled`
   * when `signal` aborts or the budget is closed; its waiter row is removed either way.
   */
  acquire(claim: BudgetClaim, signal?: AbortSignal): Promise<void>;
  /** TikTok pushed back: slow down (and pause until Retry-After for a 429). */
  reportPushback(p: BudgetPushback): Promise<void>;
  status(): Promise<BudgetStatus>;
  /** Rejects the requests still waiting in this process and removes their rows. */
  close(): Promise<void>;
};
