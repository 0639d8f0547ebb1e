import { AppError } from '../errors.ts';
import { isWafChallengePage, solveWafChallenge } from '../page/waf-challenge.ts';
import { getFollowingRedirects, wafAnswerCookie } from '../resolve/fetch-item-page.ts';
import { errorForHttpStatus } from '../resolve/http-get.ts';
import { reportingPushback, reportPushback } from '../resolve/pushback.ts';
import { newResolveSession, type ResolveSession } from '../resolve/resolve-session.ts';
import { TIKTOK_WEB_ORIGIN } from '../resolve/upstream.ts';
import type { CreatorFetchOptions } from './creator-fetch-options.ts';
import { type CreatorRef, parseCreatorRef } from './creator-ref.ts';
import { readUserDetail, type UserDetailReading } from './user-detail.ts';

/**
 * A creator's account as its profile page shows it (`GET /@handle`, `webapp.user-detail`).
 * `tiktokId` is the account's identity (it survives renames); `handle` is as TikTok shows it now.
 * The rules and the unverified choices are in creator-policy.ts (rules 1–4).
 */
export type CreatorProfile = {
  tiktokId: string;
  secUid: string;
  handle: string;
  nickname: string;
  /** The largest profile picture; a signed URL that expires within hours, so fetch it soon. */
  avatarUrl: string | null;
  privateAccount: boolean;
};

/** The first fetch and one retry after a solved challenge. */
const MAX_PROFILE_FETCHES = 2;

function accountNotFound(
  handle: string,
  why: 'not_found' | 'banned',
  extra: Record<string, unknown>,
): AppError {
  return new AppError('account_not_found', `TikTok has no account @${handle} (${why})`, {
    detail: { why, handle, ...extra },
  });
}

function profileOf(reading: Extract<UserDetailReading, { kind: 'detail' }>, handle: string): CreatorProfile {
  const { statusCode, statusMsg, user } = reading;
  const status = { statusCode, statusMsg };
  if (statusCode === 10221) throw accountNotFound(handle, 'banned', status);
  if (statusCode === 10202) throw accountNotFound(handle, 'not_found', status);
  if (statusCode === 10222 && user === null) {
    throw new AppError('private_account', `@${handle} is a private account`, {
      detail: { handle, ...status },
    });
  }
  if (statusCode === 10000) {
    throw new AppError('challenge', `TikTok asked for verification on @${handle}`, { detail: status });
  }
  if ((statusCode !== 0 && statusCode !== 10222) || user === null) {
    throw new AppError(
      'upstream_error',
      `The profile of @${handle} answered ${statusCode} without an account`,
      {
        detail: { handle, ...status },
      },
    );
  }
  return {
    tiktokId: user.id,
    secUid: user.secUid,
    handle: user.uniqueId === '' ? handle : user.uniqueId,
    nickname: user.nickname === '' ? handle : user.nickname,
    avatarUrl: user.avatarUrl,
    privateAccount: user.privateAccount || statusCode === 10222,
  };
}

async function profileInSession(session: ResolveSession, handle: string): Promise<CreatorProfile> {
  const pageUrl = session.upstream.fetchUrlOf(new URL(`/@${encodeURIComponent(handle)}`, TIKTOK_WEB_ORIGIN));
  let challengeAnswer = '';
  let solvedChallenge = false;
  for (let fetchCount = 0; fetchCount < MAX_PROFILE_FETCHES; fetchCount += 1) {
    const reply = await getFollowingRedirects(session, pageUrl, challengeAnswer);
    challengeAnswer = '';
    if (reply.status === 404) throw accountNotFound(handle, 'not_found', { httpStatus: 404 });
    const statusError = errorForHttpStatus(reply, 'not_found');
    if (statusError !== null) throw statusError;

    const reading = readUserDetail(reply.text);
    if (reading?.kind === 'detail') {
      if (reading.statusCode === 10000) reportPushback(session.onPushback, { kind: 'challenge' });
      return profileOf(reading, handle);
    }
    if (reading === undefined && isWafChallengePage(reply.text)) {
      reportPushback(session.onPushback, { kind: 'challenge' });
      const solution = solvedChallenge ? null : solveWafChallenge(reply.text);
      if (solution === null)
        throw new AppError('challenge', `TikTok answered @${handle} with its WAF challenge`);
      solvedChallenge = true;
      challengeAnswer = wafAnswerCookie(solution);
      continue;
    }
    const canonicalPath =
      reading?.canonical === undefined ? '' : (URL.parse(reading.canonical)?.pathname ?? '');
    if (canonicalPath === '/login' || canonicalPath.startsWith('/login/')) {
      throw new AppError('login_required', `TikTok showed its login page for @${handle}`);
    }
    throw new AppError('upstream_error', `The profile page of @${handle} carried no account data`);
  }
  throw new AppError('challenge', `TikTok kept challenging the profile of @${handle}`);
}

export async function fetchCreatorProfile(
  ref: CreatorRef,
  options: CreatorFetchOptions = {},
): Promise<CreatorProfile> {
  const parsed = parseCreatorRef(`@${String(ref?.handle ?? '').replace(/^@/, '')}`);
  if (!parsed.ok) {
    throw new AppError('invalid_creator', `Not a TikTok handle (${parsed.reason})`, {
      detail: { reason: parsed.reason },
    });
  }
  const session = newResolveSession(options);
  return reportingPushback(session.onPushback, () => profileInSession(session, parsed.ref.handle));
}
