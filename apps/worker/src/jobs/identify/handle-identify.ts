import { AppError, followShortLink, parseJobPayload, resolve } from '@tiksavr/core';
import type { Download } from '@tiksavr/db';
import { finishDownload, takeDownload } from '../download/claim-download.ts';
import type { DownloadDeps, DownloadTicket } from '../download/download-deps.ts';
import type { DownloadJob } from '../download/handle-download.ts';
import { judgeUnavailable } from '../download/judge-unavailable.ts';
import { recordItem } from '../download/record-item.ts';
import { requeueDownload } from '../download/requeue-download.ts';
import { delayBeforeDeadline, retryDelaySeconds } from '../download/retry-delay.ts';
import { type StoryKnowledge, storyKnowledgeOf } from '../download/story-knowledge.ts';
import { budgetClaimFor, reportPushback, tiktokRequestOptions } from '../download/tiktok-request-options.ts';
import { toAppError } from '../download/to-app-error.ts';
import { recordLinkTarget } from './record-link-target.ts';

export type IdentifyOutcome =
  /** The Download now waits for its `media.download` job, with kind, author and deadline known. */
  | 'handed_over'
  /** Identifying failed for a passing reason: the download job tries it all again, with its own retries. */
  | 'handed_over_unidentified'
  | 'failed'
  | 'expired'
  /** The worker stops: a new `media.identify` job takes over. */
  | 'handed_back'
  | 'skipped'
  /** The Download was canceled or taken by another job meanwhile. */
  | 'lost';

/**
 * One `media.identify` job: the fast first step for a pasted short link, which may be a story
 * whose 24 hours already run. It follows the link (item id, author), asks the post page and the
 * author's story list (video, photo or story; the deadline), records all of it on the Download
 * and the Item while the Download still waits, then hands the Download to a `media.download`
 * job in the same transaction that names that job on the row (decision 11's fencing: this job
 * can change nothing once the row names another). The priority of the download job comes from
 * the deadline, so a story found here goes ahead of posts.
 *
 * What TikTok's answer means ends it here when nothing can change it (deleted, private,
 * expired, taken down, followers-only…). A passing failure (network, 5xx, 429, challenge) is
 * handed to the download job, which retries with backoff; so is anything unexpected. The
 * handler never throws for the Download's own failure.
 */
export async function handleIdentify(deps: DownloadDeps, job: DownloadJob): Promise<IdentifyOutcome> {
  const { downloadId } = parseJobPayload('media.identify', job.data);
  const log = deps.log.child({ downloadId, jobId: job.id, queue: 'media.identify' });
  const taken = await takeDownload(deps, downloadId, job.id);
  if (taken.kind === 'skip') {
    log.info({ reason: taken.reason }, 'identify skipped');
    return 'skipped';
  }
  const { ticket, download } = taken;
  const signal = AbortSignal.any([job.signal, deps.shutdownSignal]);
  let itemId = download.itemId;
  let story = await storyKnowledgeOf(deps.db, download, itemId, deps.now());
  const requestOptions = () =>
    tiktokRequestOptions(deps, budgetClaimFor('identify', download, story), signal);
  try {
    const target = await followShortLink(download.inputUrl, requestOptions());
    itemId = target.id;
    story = await storyKnowledgeOf(deps.db, download, itemId, deps.now());
    if (!(await recordLinkTarget(deps, ticket, download.inputUrl, target, story))) return 'lost';
    if (story.knownStory && story.deadline !== null && story.deadline <= deps.now()) {
      return endExpired(deps, ticket);
    }
    const resolved = await resolve(target.canonicalUrl, {
      ...requestOptions(),
      knownStory: story.knownStory,
      detectStory: !story.knownStory,
    });
    const storyDeadline = await recordItem(deps, ticket, download.inputUrl, resolved);
    if (storyDeadline !== null && storyDeadline <= deps.now()) return endExpired(deps, ticket);
    const handed = await requeueDownload(deps, ticket, {
      delaySeconds: 0,
      // Identifying is not a download attempt: the count stays as it is.
      countAttempt: true,
      storyDeadline,
    });
    log.info({ itemId, story: storyDeadline !== null }, 'identified: handed to the download');
    return handed ? 'handed_over' : 'lost';
  } catch (error) {
    return settleIdentifyFailure(deps, { ticket, job, download, itemId, story, signal }, error);
  }
}

function endExpired(deps: DownloadDeps, ticket: DownloadTicket): Promise<IdentifyOutcome> {
  const error = new AppError('story_expired', 'The story passed its deadline before it was identified');
  return finishDownload(deps, ticket, 'expired', error).then((ended) => (ended ? 'expired' : 'lost'));
}

async function settleIdentifyFailure(
  deps: DownloadDeps,
  context: {
    ticket: DownloadTicket;
    job: DownloadJob;
    download: Download;
    itemId: string | null;
    story: StoryKnowledge;
    signal: AbortSignal;
  },
  error: unknown,
): Promise<IdentifyOutcome> {
  const { ticket, story } = context;
  const log = deps.log.child({ downloadId: ticket.downloadId, jobId: ticket.jobId, queue: 'media.identify' });
  const stopping = () => deps.shutdownSignal.aborted || context.job.signal.aborted;
  const handBack = async (): Promise<IdentifyOutcome> => {
    const handed = await requeueDownload(deps, ticket, {
      delaySeconds: 0,
      countAttempt: true,
      storyDeadline: story.knownStory ? story.deadline : null,
      queue: 'media.identify',
    });
    log.info('worker stopping: identify handed back to the queue');
    return handed ? 'handed_back' : 'lost';
  };
  if (stopping()) return handBack();

  let appError = toAppError(error);
  const now = deps.now();
  const verdict = await judgeUnavailable(appError, {
    itemId: context.itemId,
    story,
    kindUnknown: !story.knownStory && !story.knownPost,
    now,
    listOptions: tiktokRequestOptions(
      deps,
      budgetClaimFor('identify', context.download, story),
      context.signal,
    ),
    onItemHidden: () => reportPushback(deps, { kind: 'item_hidden' }),
  }).catch((judgeError: unknown) => ({ kind: 'retry' as const, error: toAppError(judgeError) }));
  if (stopping()) return handBack();
  if (verdict.kind === 'end') {
    log.info({ code: verdict.error.code, was: appError.code }, 'identify ended the download');
    const ended = await finishDownload(deps, ticket, verdict.state, verdict.error);
    return ended ? (verdict.state === 'expired' ? 'expired' : 'failed') : 'lost';
  }
  if (verdict.kind === 'retry') appError = verdict.error;
  const deadline = story.knownStory ? story.deadline : null;
  if (appError.code === 'story_expired' || (deadline !== null && deadline <= now)) {
    return endExpired(deps, ticket);
  }
  if (appError.retryable || appError.code === 'internal') {
    // The download job resolves again and retries with backoff; its attempts bound the retries.
    if (appError.code === 'internal') log.error({ err: error }, 'identify failed unexpectedly');
    else log.warn({ code: appError.code, err: appError }, 'identify failed for now: the download retries');
    const delaySeconds =
      appError.code === 'internal' ? 0 : delayBeforeDeadline(firstRetryDelay(deps), deadline, now);
    const handed = await requeueDownload(deps, ticket, {
      delaySeconds,
      countAttempt: true,
      storyDeadline: deadline,
      ...(appError.retryable ? { failure: appError } : {}),
    });
    return handed ? 'handed_over_unidentified' : 'lost';
  }
  log.info({ code: appError.code, message: appError.message }, 'identify: the download cannot succeed');
  return (await finishDownload(deps, ticket, 'failed', appError)) ? 'failed' : 'lost';
}

function firstRetryDelay(deps: DownloadDeps): number {
  return retryDelaySeconds(
    1,
    { baseSeconds: deps.config.retryBaseSeconds, maxSeconds: deps.config.retryMaxSeconds },
    deps.random,
  );
}
