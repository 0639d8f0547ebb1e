import {
  type CreatorFetchOptions,
  type CreatorProfile,
  fetchCreatorProfile,
  type ListedPost,
  type ListedStory,
  listCreatorPosts,
  listCreatorStories,
} from '@tiksavr/core';
import type { BudgetClaim } from '../../upstream-budget/index.ts';
import type { WatchDeps } from './watch-deps.ts';

/** The three public endpoints one check may call, every request through the shared budget. */
export type CreatorSession = {
  profile(handle: string): Promise<CreatorProfile>;
  stories(tiktokId: string): Promise<ListedStory[]>;
  posts(secUid: string, since: Date, maxPages?: number): Promise<ListedPost[]>;
  /** Requests this check sent to TikTok so far. */
  requests(): number;
};

/**
 * Binds core's creator functions to one check: each request first takes a slot of the budget as
 * a `watch_check` ordered by the check's due time (after stories, downloads and identify steps),
 * in core's `beforeRequest` hook (outside the request's timeout), and every pushback core sees,
 * a 429 with its Retry-After included (core reports each once), reaches the budget so every
 * process slows down.
 */
export function openCreatorSession(
  deps: Pick<WatchDeps, 'budget' | 'config' | 'log' | 'now'>,
  check: { readonly dueAt: Date; readonly label: string; readonly signal: AbortSignal },
): CreatorSession {
  let requests = 0;
  const claim: BudgetClaim = { purpose: 'watch_check', dueAt: check.dueAt, label: check.label };
  const options: CreatorFetchOptions = {
    ...(deps.config.tiktokOrigin === undefined ? {} : { origin: deps.config.tiktokOrigin }),
    timeoutMs: deps.config.mediaTimeoutSeconds * 1000,
    signal: check.signal,
    now: deps.now,
    beforeRequest: async (signal) => {
      await deps.budget.acquire(claim, signal ?? check.signal);
      requests += 1;
    },
    onPushback: (pushback) => {
      deps.budget.reportPushback(pushback).catch((error: unknown) => {
        deps.log.warn({ err: error, pushback }, 'could not report TikTok pushback to the budget');
      });
    },
  };
  return {
    profile: (handle) => fetchCreatorProfile({ handle }, options),
    stories: (tiktokId) => listCreatorStories({ tiktokId }, options),
    posts: (secUid, since, maxPages) =>
      listCreatorPosts({ secUid }, { ...options, since, ...(maxPages === undefined ? {} : { maxPages }) }),
    requests: () => requests,
  };
}
