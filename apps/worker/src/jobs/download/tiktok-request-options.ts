import type { CreatorFetchOptions } from '@tiksavr/core';
import type { BudgetClaim } from '../../upstream-budget/index.ts';
import type { DownloadDeps } from './download-deps.ts';

/**
 * Where a job's requests to TikTok stand in the politeness budget: a story by its deadline
 * (stories first, the nearest deadline first), anything else by when it was queued.
 */
export function budgetClaimFor(
  purpose: 'identify' | 'download',
  download: { readonly id: string; readonly createdAt: Date },
  story: { readonly knownStory: boolean; readonly deadline: Date | null },
): BudgetClaim {
  if (story.knownStory && story.deadline !== null) {
    return { purpose: 'story', dueAt: story.deadline, label: `${purpose} ${download.id}` };
  }
  return { purpose, dueAt: download.createdAt, label: `${purpose} ${download.id}` };
}

/**
 * The options every core call toward TikTok gets from a job (resolve, following a short link,
 * a creator's story list): the simulator's origin when configured, the media timeout per
 * request, the job's signal and clock. Each request first waits for a slot of the politeness
 * budget in core's `beforeRequest` hook, which runs before the request's timeout starts: a slot
 * that comes later than the timeout (a busy budget, a 429 pause) is a wait, not a slow TikTok,
 * and only the job's signal (cancel, shutdown) ends it. Every pushback core sees reaches the
 * budget through `onPushback`, a 429 (with its Retry-After) included: core reports each once.
 */
export function tiktokRequestOptions(
  deps: Pick<DownloadDeps, 'config' | 'budget' | 'log' | 'now'>,
  claim: BudgetClaim,
  signal: AbortSignal,
): CreatorFetchOptions {
  return {
    ...(deps.config.tiktokOrigin === undefined ? {} : { origin: deps.config.tiktokOrigin }),
    beforeRequest: (requestSignal) => deps.budget.acquire(claim, requestSignal ?? signal),
    onPushback: (pushback) => reportPushback(deps, pushback),
    timeoutMs: deps.config.mediaTimeoutSeconds * 1000,
    signal,
    now: deps.now,
  };
}

export function reportPushback(
  deps: Pick<DownloadDeps, 'budget' | 'log'>,
  pushback: Parameters<DownloadDeps['budget']['reportPushback']>[0],
): void {
  deps.budget
    .reportPushback(pushback)
    .catch((error: unknown) => deps.log.warn({ err: error, pushback }, 'pushback not recorded'));
}
