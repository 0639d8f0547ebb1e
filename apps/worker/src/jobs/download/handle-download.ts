import { AppError, parseJobPayload, parseTikTokUrl, type ResolvedPost, resolve } from '@tiksavr/core';
import type { Download } from '@tiksavr/db';
import { failOverQuota, isQuotaError, quotaRefusalBeforeSave } from '../../quota/save-quota.ts';
import { claimDownload, finishDownload } from './claim-download.ts';
import { claimItem } from './claim-item.ts';
import type { DownloadDeps, DownloadTicket } from './download-deps.ts';
import { judgeUnavailable } from './judge-unavailable.ts';
import { recordItem } from './record-item.ts';
import { requeueDownload } from './requeue-download.ts';
import { delayBeforeDeadline, retryDelaySeconds } from './retry-delay.ts';
import { completeItem, downloadPlan } from './store-item.ts';
import { type StoryKnowledge, storyKnowledgeOf } from './story-knowledge.ts';
import { budgetClaimFor, reportPushback, tiktokRequestOptions } from './tiktok-request-options.ts';
import { toAppError } from './to-app-error.ts';

export type DownloadJob = { readonly id: string; readonly data: unknown; readonly signal: AbortSignal };

export type DownloadOutcome =
  | 'skipped'
  | 'done'
  | 'linked'
  | 'waiting'
  | 'retry'
  | 'failed'
  | 'expired'
  | 'handed_back'
  | 'lost';

/**
 * One `media.download` job, step by step: claim the Download → resolve the link → record the
 * item → link an already stored item, or download every planned file → done. Failures end in a
 * retry (retryable codes, with backoff), `failed`/`expired`, or a hand-back on shutdown; the
 * handler itself never throws for a download's own failure, so pg-boss only retries jobs whose
 * worker died.
 */
export async function handleDownload(deps: DownloadDeps, job: DownloadJob): Promise<DownloadOutcome> {
  const { downloadId } = parseJobPayload('media.download', job.data);
  const log = deps.log.child({ downloadId, jobId: job.id });
  const claim = await claimDownload(deps, downloadId, job.id);
  if (claim.kind === 'skip') {
    log.info({ reason: claim.reason }, 'download skipped');
    return 'skipped';
  }
  const { ticket, download } = claim;
  const lost = new AbortController();
  const signal = AbortSignal.any([job.signal, deps.shutdownSignal, lost.signal]);
  const link = linkToResolve(download);
  let itemId = download.itemId ?? link.itemId;
  let story: StoryKnowledge = {
    knownStory: false,
    knownPost: false,
    deadline: download.storyDeadline,
    authorId: null,
  };
  let storyDeadline = download.storyDeadline;
  try {
    story = await storyKnowledgeOf(deps.db, download, itemId, deps.now());
    storyDeadline = story.deadline;
    const requestOptions = tiktokRequestOptions(deps, budgetClaimFor('download', download, story), signal);
    const resolved: ResolvedPost = await resolve(link.url, {
      ...requestOptions,
      knownStory: story.knownStory,
      // Asked once per Download: an item already resolved (by `media.identify` or an earlier
      // attempt) is not asked about again, so the story list is not requested twice.
      detectStory: !story.knownStory && download.itemId === null,
    });
    itemId = resolved.item.id;
    storyDeadline = await recordItem(deps, ticket, download.inputUrl, resolved);
    story = { ...story, knownStory: storyDeadline !== null, deadline: storyDeadline };
    if (storyDeadline !== null && storyDeadline <= deps.now()) {
      return (await finishDownload(deps, ticket, 'expired', storyExpired())) ? 'expired' : 'lost';
    }
    const overQuota = await quotaRefusalBeforeSave(deps, ticket, itemId);
    if (overQuota !== null) throw overQuota;
    const itemClaim = await claimItem(deps, ticket, itemId);
    if (itemClaim.kind === 'linked' || itemClaim.kind === 'lost') return itemClaim.kind;
    if (itemClaim.kind === 'busy') {
      const delaySeconds = Math.max(1, deps.config.retryBaseSeconds);
      await requeueDownload(deps, ticket, { delaySeconds, countAttempt: false, storyDeadline });
      return 'waiting';
    }
    const assets = await downloadPlan(
      deps,
      ticket,
      resolved.plan,
      resolved.mediaRequest.headers,
      { signal, lost },
      download.attempts >= deps.config.maxAttempts,
    );
    const done = await completeItem(deps, ticket, itemId, assets);
    await deps.storage.discardPartials(`${itemId}.`);
    log.info({ assets: assets.length }, done ? 'download done' : 'stored, but the download was canceled');
    return done ? 'done' : 'lost';
  } catch (error) {
    // Over the owner's storage or item limit: ends at once with the numbers (save-quota.ts).
    if (isQuotaError(error) && !lost.signal.aborted)
      return (await failOverQuota(deps, ticket, error)) ? 'failed' : 'lost';
    return settleFailure(
      deps,
      {
        ticket,
        job,
        lost,
        storyDeadline,
        itemId,
        attempts: download.attempts,
        story,
        kindUnknown: link.kindUnknown && !story.knownStory && !story.knownPost,
        signal,
        download,
      },
      error,
    );
  }
}

/**
 * What to resolve: the post link once one is known (the canonical URL `media.identify` or an
 * earlier attempt recorded), so a short link is followed only once; else the pasted link.
 */
function linkToResolve(download: Download): { url: string; itemId: string | null; kindUnknown: boolean } {
  const pasted = parseTikTokUrl(download.inputUrl);
  // A short link never resolved to its item: nobody knows yet whether it is a story or a post.
  const kindUnknown = pasted.ok && pasted.kind === 'short_link' && download.itemId === null;
  const known = parseTikTokUrl(download.canonicalUrl);
  if (known.ok && known.kind !== 'short_link')
    return { url: download.canonicalUrl, itemId: known.id, kindUnknown };
  return { url: download.inputUrl, itemId: null, kindUnknown };
}

function storyExpired(): AppError {
  return new AppError('story_expired', 'The story passed its deadline');
}

async function settleFailure(
  deps: DownloadDeps,
  context: {
    ticket: DownloadTicket;
    job: DownloadJob;
    lost: AbortController;
    storyDeadline: Date | null;
    itemId: string | null;
    attempts: number;
    story: StoryKnowledge;
    kindUnknown: boolean;
    signal: AbortSignal;
    download: Pick<Download, 'id' | 'createdAt'>;
  },
  error: unknown,
): Promise<DownloadOutcome> {
  const { ticket, storyDeadline } = context;
  const log = deps.log.child({ downloadId: ticket.downloadId, jobId: ticket.jobId });
  if (context.lost.signal.aborted) {
    log.info('download canceled or taken over: stopped');
    return 'lost';
  }
  const stopping = () => deps.shutdownSignal.aborted || context.job.signal.aborted;
  const handBack = async (): Promise<DownloadOutcome> => {
    // Not the download's fault: give it a new job at once; its partial files let it resume.
    const handed = await requeueDownload(deps, ticket, {
      delaySeconds: 0,
      countAttempt: false,
      storyDeadline,
    });
    log.info('worker stopping: download handed back to the queue');
    return handed ? 'handed_back' : 'lost';
  };
  if (stopping()) return handBack();
  let appError = toAppError(error);
  const now = deps.now();
  // A gone or followers-only item may need the author's story list to say what happened.
  const verdict = await judgeUnavailable(appError, {
    itemId: context.itemId,
    story: context.story,
    kindUnknown: context.kindUnknown,
    now,
    listOptions: tiktokRequestOptions(
      deps,
      budgetClaimFor('download', context.download, context.story),
      context.signal,
    ),
    onItemHidden: () => reportPushback(deps, { kind: 'item_hidden' }),
  }).catch((judgeError: unknown) => ({ kind: 'retry' as const, error: toAppError(judgeError) }));
  if (context.lost.signal.aborted) return 'lost';
  if (stopping()) return handBack();
  if (verdict.kind === 'end') {
    log.info({ code: verdict.error.code, was: appError.code }, 'download ended by what is known of the item');
    const ended = await finishDownload(deps, ticket, verdict.state, verdict.error);
    if (context.itemId !== null) await deps.storage.discardPartials(`${context.itemId}.`).catch(() => 0);
    return ended ? (verdict.state === 'expired' ? 'expired' : 'failed') : 'lost';
  }
  if (verdict.kind === 'retry') appError = verdict.error;
  if (appError.code === 'story_expired' || (storyDeadline !== null && storyDeadline <= now)) {
    return (await finishDownload(deps, ticket, 'expired', storyExpired())) ? 'expired' : 'lost';
  }
  if (appError.retryable && context.attempts < deps.config.maxAttempts) {
    const delaySeconds = delayBeforeDeadline(
      retryDelaySeconds(
        context.attempts,
        { baseSeconds: deps.config.retryBaseSeconds, maxSeconds: deps.config.retryMaxSeconds },
        deps.random,
      ),
      storyDeadline,
      now,
    );
    log.warn(
      { code: appError.code, err: appError, attempt: context.attempts, delaySeconds },
      'download will retry',
    );
    const requeued = await requeueDownload(deps, ticket, {
      delaySeconds,
      failure: appError,
      countAttempt: true,
      storyDeadline,
    });
    return requeued ? 'retry' : 'lost';
  }
  if (appError.code === 'internal') log.error({ err: error }, 'download failed unexpectedly');
  else log.info({ code: appError.code, message: appError.message }, 'download failed');
  const failed = await finishDownload(deps, ticket, 'failed', appError);
  if (context.itemId !== null) await deps.storage.discardPartials(`${context.itemId}.`).catch(() => 0);
  return failed ? 'failed' : 'lost';
}
