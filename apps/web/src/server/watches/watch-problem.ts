import { ERRORS, isErrorCode } from '@tiksavr/core';

/**
 * What went wrong at a creator's last check, in the words the Watchlist shows. `retrying`: the
 * problem is on TikTok's side or the network's, so the next check simply tries again (the page
 * adds "will retry at …" with the next check's time).
 */
export type WatchProblem = {
  code: string;
  text: string;
  retrying: boolean;
  /** When the problem was seen (ISO). */
  at: string | null;
  /** Checks in a row that ended with a problem. */
  inARow: number;
};

const TIKTOK_REFUSED = new Set(['rate_limited', 'challenge', 'blocked', 'login_required', 'media_forbidden']);
const UNREACHABLE = new Set(['network', 'upstream_error']);

export function watchProblemOf(creator: {
  handle: string;
  problemCode: string | null;
  problemAt: Date | null;
  consecutiveFailures: number;
}): WatchProblem | null {
  const code = creator.problemCode;
  if (code === null) return null;
  const base = { code, at: creator.problemAt?.toISOString() ?? null, inARow: creator.consecutiveFailures };
  const who = `@${creator.handle}`;
  if (code === 'private_account') {
    return {
      ...base,
      text: `${who} is a private account: only its followers see its stories and posts, so TikSavr can't save them.`,
      retrying: false,
    };
  }
  if (code === 'account_not_found') {
    return {
      ...base,
      text: `TikTok can't find ${who} any more: the account was renamed, banned or deleted. If it was renamed, watch its new name.`,
      retrying: false,
    };
  }
  if (TIKTOK_REFUSED.has(code)) return { ...base, text: 'TikTok refused the last check.', retrying: true };
  if (UNREACHABLE.has(code))
    return { ...base, text: "TikSavr couldn't reach TikTok at the last check.", retrying: true };
  if (isErrorCode(code)) return { ...base, text: ERRORS[code].user, retrying: ERRORS[code].retry };
  return { ...base, text: 'The last check did not work.', retrying: true };
}
