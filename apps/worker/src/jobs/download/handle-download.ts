import { AppError, parseJobPayload, type ResolvedPost, resolve } from '@tiksavr/core';
import { claimDownload, finishDownload } from './claim-download.ts';
import { claimItem } from './claim-item.ts';
import type { DownloadDeps, DownloadTicket } from './download-deps.ts';
import { recordItem } from './record-item.ts';
import { requeueDownload } from './requeue-download.ts';
import { retryDelaySeconds } from './retry-delay.ts';
import { completeItem, downloadPlan } from './store-item.ts';
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
  let storyDeadline = download.storyDeadline;
  let itemId = download.itemId;
  try {
    const resolved: ResolvedPost = await resolve(
      itemId !== null ? download.canonicalUrl : download.inputUrl,
      {
        ...(deps.config.tiktokOrigin === undefined ? {} : { origin: deps.config.tiktokOrigin }),
        knownStory: download.kind === 'story',
        timeoutMs: deps.config.mediaTimeoutSeconds * 1000,
        signal,
      },
    );
    storyDeadline = resolved.storyDeadline ?? null;
    itemId = resolved.item.id;
    await recordItem(deps, ticket, download.inputUrl, resolved);
    if (storyDeadline !== null && storyDeadline <= deps.now()) {
      return (await finishDownload(deps, ticket, 'expired', storyExpired())) ? 'expired' : 'lost';
    }
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
    return settleFailure(
      deps,
      { ticket, job, lost, storyDeadline, itemId, attempts: download.attempts },
      error,
    );
  }
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
  },
  error: unknown,
): Promise<DownloadOutcome> {
  const { ticket, storyDeadline } = context;
  const log = deps.log.child({ downloadId: ticket.downloadId, jobId: ticket.jobId });
  if (context.lost.signal.aborted) {
    log.info('download canceled or taken over: stopped');
    return 'lost';
  }
  if (deps.shutdownSignal.aborted || context.job.signal.aborted) {
    // Not the download's fault: give it a new job at once; its partial files let it resume.
    const handed = await requeueDownload(deps, ticket, {
      delaySeconds: 0,
      countAttempt: false,
      storyDeadline,
    });
    log.info('worker stopping: download handed back to the queue');
    return handed ? 'handed_back' : 'lost';
  }
  const appError = toAppError(error);
  const now = deps.now();
  if (appError.code === 'story_expired' || (storyDeadline !== null && storyDeadline <= now)) {
    return (await finishDownload(deps, ticket, 'expired', storyExpired())) ? 'expired' : 'lost';
  }
  if (appError.retryable && context.attempts < deps.config.maxAttempts) {
    let delaySeconds = retryDelaySeconds(
      context.attempts,
      { baseSeconds: deps.config.retryBaseSeconds, maxSeconds: deps.config.retryMaxSeconds },
      deps.random,
    );
    // A story is retried before its deadline, however long the backoff says.
    if (storyDeadline !== null) {
      delaySeconds = Math.min(
        delaySeconds,
        Math.max(0, (storyDeadline.getTime() - now.getTime()) / 1000 - 1),
      );
    }
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
