import type { AppError, ErrorCode } from '@tiksavr/core';

/** How a failed check is recorded and when the creator is tried again. */
export type CreatorProblem = {
  /** Stored as Creator.problemCode; the watchlist shows its plain words (ERRORS[code].user). */
  readonly code: ErrorCode;
  /**
   * `account`: the account itself (private, renamed or gone, banned): the wait doubles per failed
   * check, up to a day. `refused`: TikTok pushed back (429, challenge, login wall): the shared
   * budget already slows every request down, so the creator is simply tried again one interval
   * later (or after Retry-After). `transient`: network or TikTok errors: the wait doubles.
   */
  readonly backoff: 'account' | 'refused' | 'transient';
  /** The profile must be read again on the next check (the handle may now be someone else's). */
  readonly refreshProfile: boolean;
  readonly retryAfterSeconds: number;
};

const REFUSALS: readonly ErrorCode[] = ['rate_limited', 'challenge', 'login_required'];
const ACCOUNT: readonly ErrorCode[] = ['account_not_found', 'private_account'];

function retryAfterOf(error: AppError): number {
  const value = error.detail.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Reads a check's failure as a problem the watchlist can show in plain words. */
export function creatorProblemOf(error: AppError): CreatorProblem {
  const retryAfterSeconds = retryAfterOf(error);
  if (ACCOUNT.includes(error.code)) {
    // account_not_found carries detail.why ('not_found' | 'banned'); a banned account reads as its own code when core has one.
    const code: ErrorCode = error.code;
    return { code, backoff: 'account', refreshProfile: true, retryAfterSeconds };
  }
  if (REFUSALS.includes(error.code)) {
    return { code: error.code, backoff: 'refused', refreshProfile: false, retryAfterSeconds };
  }
  return { code: error.code, backoff: 'transient', refreshProfile: false, retryAfterSeconds };
}
