import type { ErrorCode } from '../errors.ts';
import { PRODUCT_TRUTHS } from './product-truths.ts';

/**
 * What to tell a person when a post or story cannot be downloaded, as data for the UI.
 * `screenRecording` says whether the screen-recording steps help:
 * - `now`: the person can still open it in the app, so recording it now works.
 * - `if_still_visible`: TikTok's answer is ambiguous (a "deleted" status is also what a post
 *   blocked from this server's region looks like); if it still opens in the app, record it.
 * - `next_time`: it is gone for everyone but the creator; recording helps only with the next one.
 */
export type AdviceSituation =
  | 'followers_only'
  | 'share_disabled'
  | 'private_post'
  | 'private_account'
  | 'expired'
  | 'deleted'
  | 'region_locked'
  | 'age_restricted'
  | 'no_media';

export type ScreenRecordingFit = 'now' | 'if_still_visible' | 'next_time';

export type Advice = {
  readonly situation: AdviceSituation;
  readonly title: string;
  readonly explanation: string;
  readonly screenRecording: ScreenRecordingFit;
};

export const ADVICE: Readonly<Record<AdviceSituation, Advice>> = {
  followers_only: {
    situation: 'followers_only',
    title: 'This story is for followers only',
    explanation:
      'The creator shared this story with their followers only, so it has no public link that TikSavr could save. If you follow the creator and can watch it in TikTok, a screen recording keeps it.',
    screenRecording: 'now',
  },
  share_disabled: {
    situation: 'share_disabled',
    title: 'The creator turned off sharing',
    explanation:
      'When a creator turns off sharing, TikTok shows no Copy link under Share, so there is no link to paste here. You can still watch it in TikTok and keep it with a screen recording.',
    screenRecording: 'now',
  },
  private_post: {
    situation: 'private_post',
    title: 'This post is private',
    explanation:
      'Only people the creator chose can see this post, so it has no public copy to save. If you can see it in TikTok, a screen recording keeps it.',
    screenRecording: 'now',
  },
  private_account: {
    situation: 'private_account',
    title: 'This account is private',
    explanation:
      'Posts of a private account are only shown to approved followers, so there is no public copy to save. If you follow the account, a screen recording keeps what you can see.',
    screenRecording: 'now',
  },
  expired: {
    situation: 'expired',
    title: 'This story has expired',
    explanation: `${PRODUCT_TRUTHS.storyLifetime} Next time, save the story (or screen-record it) while it is still up.`,
    screenRecording: 'next_time',
  },
  deleted: {
    situation: 'deleted',
    title: 'This post is gone',
    explanation:
      "TikTok says this post no longer exists: it was deleted, or the link is wrong. TikTok gives the same answer when it hides a post from this server's region, so if the post still plays in your TikTok app, a screen recording keeps it.",
    screenRecording: 'if_still_visible',
  },
  region_locked: {
    situation: 'region_locked',
    title: "Not available in this server's region",
    explanation:
      'TikTok does not show this post in the country this TikSavr server is in. It may still play on your phone; if it does, a screen recording keeps it.',
    screenRecording: 'now',
  },
  age_restricted: {
    situation: 'age_restricted',
    title: 'Only for signed-in adults',
    explanation: `TikTok shows this post only to signed-in adult accounts. ${PRODUCT_TRUTHS.noLogin} If you can watch it in TikTok, a screen recording keeps it.`,
    screenRecording: 'now',
  },
  no_media: {
    situation: 'no_media',
    title: 'No file TikSavr can save',
    explanation:
      'TikTok sent this post without any video, picture or sound file that plays outside the app. If it plays in TikTok, a screen recording keeps it.',
    screenRecording: 'now',
  },
};

/** Error codes that have advice, and the situation each shows (a private story is followers-only). */
const SITUATION_FOR_CODE: Partial<Record<ErrorCode, AdviceSituation>> = {
  private_post: 'private_post',
  story_followers_only: 'followers_only',
  private_account: 'private_account',
  story_expired: 'expired',
  deleted: 'deleted',
  region_locked: 'region_locked',
  age_restricted: 'age_restricted',
  share_disabled: 'share_disabled',
  no_media: 'no_media',
  // A file on a host that is not TikTok's is, for TikSavr, no file at all.
  media_host_refused: 'no_media',
};

export type AdviceContext = {
  /** The item is known to be a story (see story-policy.ts). */
  readonly isStory?: boolean;
};

function isSituation(value: string): value is AdviceSituation {
  return Object.hasOwn(ADVICE, value);
}

/**
 * The advice for an error code (or a situation by name); null for failures that need no advice
 * because TikSavr retries them itself (network, rate limits, …) or that are the person's input.
 */
export function adviceFor(code: ErrorCode | AdviceSituation, context: AdviceContext = {}): Advice | null {
  // A story with a private-post status is a followers-only story (story-policy.ts).
  if (code === 'private_post' && context.isStory === true) return ADVICE.followers_only;
  const situation = SITUATION_FOR_CODE[code as ErrorCode] ?? (isSituation(code) ? code : undefined);
  return situation === undefined ? null : ADVICE[situation];
}
