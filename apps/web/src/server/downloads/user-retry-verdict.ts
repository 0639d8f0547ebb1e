import { ERRORS, isErrorCode } from '@tiksavr/core';
import type { DownloadState } from '@tiksavr/db';

/**
 * What a person's own Retry would do to one of their Downloads:
 * - `allowed`: it goes back in the queue;
 * - `wrong_state`: it is not finished (or already saved), so there is nothing to retry;
 * - `cannot_succeed`: it is finished, but another try is certain to end the same way.
 *
 * The admin retry does not use this: admins may retry anything failed, expired or canceled.
 */
export type UserRetryVerdict = 'allowed' | 'wrong_state' | 'cannot_succeed';

export type UserRetryCandidate = {
  state: DownloadState;
  failureCode: string | null;
  storyDeadline: Date | null;
};

export function userRetryVerdict(download: UserRetryCandidate, now: Date): UserRetryVerdict {
  // The person stopped it; nothing about the post says it would fail.
  if (download.state === 'canceled') return 'allowed';
  // A story past its 24 hours is gone for everyone but its creator.
  if (download.state === 'expired') return 'cannot_succeed';
  if (download.state !== 'failed') return 'wrong_state';
  // The worker would turn a story past its deadline straight into `expired`.
  if (download.storyDeadline !== null && download.storyDeadline <= now) return 'cannot_succeed';
  return failureCanSucceedOnRetry(download.failureCode) ? 'allowed' : 'cannot_succeed';
}

/** Final for the worker, but the person (or the admin) can change what stopped it. */
export const PERSON_CAN_FIX: ReadonlySet<string> = new Set(['quota_bytes_exceeded', 'quota_items_exceeded']);

function failureCanSucceedOnRetry(failureCode: string | null): boolean {
  // No code, or one this version does not know (an older or newer worker): give it the benefit of the doubt.
  if (!isErrorCode(failureCode)) return true;
  // `internal` is not retried by the worker on its own, but it is our fault, not the post's: once an
  // admin fixed the cause, the person trying again is exactly what should happen.
  if (failureCode === 'internal') return true;
  // Over the person's storage or item limit: the worker does not retry, but once they deleted
  // something (or the admin gave more room) trying again is exactly what should happen.
  if (PERSON_CAN_FIX.has(failureCode)) return true;
  // Private, deleted, region-locked, age-gated, expired, invalid links…: the post's own answer,
  // which stays the same however often TikTok is asked.
  return ERRORS[failureCode].retry;
}
