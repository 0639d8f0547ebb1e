import {
  AppError,
  type CreatorFetchOptions,
  isAppError,
  itemIdToDate,
  listCreatorStories,
} from '@tiksavr/core';
import type { StoryKnowledge } from './story-knowledge.ts';

/**
 * What an item TikTok will not show means, by what is known about it (story-policy.ts rules 3, 4):
 *
 * - gone (10204) and known to be a story: past its 24 hours it has expired (`story_expired`);
 *   before them, the author's story list decides: still listed means TikTok hides it from this
 *   server (a pushback: the budget slows down, and the download tries again), not listed means
 *   the creator took it down early (`story_removed`);
 * - gone, kind unknown (a short link), and the id says it is more than 24 hours old: an expired
 *   story and a deleted post look the same, so it is `gone`, worded for both;
 * - followers-only (10216) and known to be a story: `story_followers_only`;
 * - anything else stays as TikTok's answer said (`deleted`, `private_post`, …).
 */
export type UnavailableVerdict =
  | { readonly kind: 'end'; readonly state: 'failed' | 'expired'; readonly error: AppError }
  /** Try again later (TikTok hides a story still listed, or the list could not be read). */
  | { readonly kind: 'retry'; readonly error: AppError }
  | { readonly kind: 'as_is' };

export type UnavailableContext = {
  /** The item id when known (from the Download, or where its short link led). */
  readonly itemId: string | null;
  readonly story: StoryKnowledge;
  /** The link did not say what it is (a short link) and nothing else did either. */
  readonly kindUnknown: boolean;
  readonly now: Date;
  /** How the author's story list is asked (the politeness budget's fetch, the simulator's origin…). */
  readonly listOptions: CreatorFetchOptions;
  /** Told when TikTok hides an item its author still lists. */
  readonly onItemHidden: () => void;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export async function judgeUnavailable(
  error: AppError,
  context: UnavailableContext,
): Promise<UnavailableVerdict> {
  const { story, now } = context;
  if (error.code === 'private_post') {
    if (!story.knownStory) return { kind: 'as_is' };
    return end('failed', 'story_followers_only', 'TikTok shows this story to followers only', error);
  }
  if (error.code !== 'deleted' && error.code !== 'story_expired') return { kind: 'as_is' };

  if (story.knownStory) {
    const deadline = story.deadline;
    if (deadline === null ? error.code === 'story_expired' : now >= deadline) {
      return end('expired', 'story_expired', 'The story is gone after its 24 hours', error);
    }
    return storyGoneEarly(error, context);
  }
  if (context.kindUnknown && context.itemId !== null) {
    const createdAt = itemIdToDate(context.itemId, now);
    if (createdAt !== null && now.getTime() - createdAt.getTime() > DAY_MS) {
      return end('failed', 'gone', 'Gone, more than 24 hours old: an expired story or a deleted post', error);
    }
  }
  return { kind: 'as_is' };
}

/** A known story TikTok calls gone before its deadline: hidden from us, or taken down early. */
async function storyGoneEarly(error: AppError, context: UnavailableContext): Promise<UnavailableVerdict> {
  const { itemId, story } = context;
  if (itemId === null || story.authorId === null) {
    // Without the author's id the list cannot be asked; "gone before its time" is what TikTok said.
    return end('failed', 'story_removed', 'The story is gone before its deadline (author unknown)', error);
  }
  let listed: boolean;
  try {
    const stories = await listCreatorStories({ tiktokId: story.authorId }, context.listOptions);
    listed = stories.some((listedStory) => listedStory.id === itemId);
  } catch (listError) {
    if (!isAppError(listError)) throw listError;
    if (listError.retryable) return { kind: 'retry', error: listError };
    // The account went private or away: that, not the story, is why nobody can get it.
    if (listError.code === 'private_account' || listError.code === 'account_not_found') {
      return { kind: 'end', state: 'failed', error: listError };
    }
    if (listError.code === 'canceled') throw listError;
    return end('failed', 'story_removed', 'The story is gone and its author list could not tell', error);
  }
  if (!listed) return end('failed', 'story_removed', 'The creator took the story down early', error);
  context.onItemHidden();
  return {
    kind: 'retry',
    error: new AppError('upstream_error', 'TikTok hides a story its author still lists', { cause: error }),
  };
}

function end(
  state: 'failed' | 'expired',
  code: 'story_expired' | 'story_removed' | 'story_followers_only' | 'gone',
  message: string,
  cause: AppError,
): UnavailableVerdict {
  return { kind: 'end', state, error: new AppError(code, message, { cause }) };
}
