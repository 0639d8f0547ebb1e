import { AppError, ERRORS } from '@tiksavr/core';
import type { Download } from '@tiksavr/db';
import { ACTIVE_STATES, type DownloadDeps, type DownloadTicket } from './download-deps.ts';
import { updateDownload } from './update-download.ts';

export type DownloadClaim =
  | { readonly kind: 'run'; readonly ticket: DownloadTicket; readonly download: Download }
  | { readonly kind: 'skip'; readonly reason: string };

/**
 * The first step of a `media.download` job: takes the Download for this job and moves it to
 * `resolving` (startedAt, attempts + 1, NOTIFY). Skips a download that is gone, finished,
 * canceled, or held by another (newer) job; a story past its deadline becomes `expired` here.
 * A Download with no job recorded yet (the web app's first job) is adopted by this job.
 */
export async function claimDownload(
  deps: Pick<DownloadDeps, 'db' | 'now' | 'config'>,
  downloadId: string,
  jobId: string,
): Promise<DownloadClaim> {
  const download = await deps.db.download.findUnique({ where: { id: downloadId } });
  if (download === null) return { kind: 'skip', reason: 'download not found' };
  if (!(ACTIVE_STATES as readonly string[]).includes(download.state)) {
    return { kind: 'skip', reason: `download is ${download.state}` };
  }
  if (download.jobId !== null && download.jobId !== jobId) {
    return { kind: 'skip', reason: 'download belongs to another job' };
  }
  const ticket: DownloadTicket = { downloadId, userId: download.userId, jobId };
  const { count: adopted } = await deps.db.download.updateMany({
    where: { id: downloadId, state: { in: [...ACTIVE_STATES] }, OR: [{ jobId: null }, { jobId }] },
    data: { jobId },
  });
  if (adopted === 0) return { kind: 'skip', reason: 'download changed meanwhile' };

  const now = deps.now();
  if (download.storyDeadline !== null && download.storyDeadline <= now) {
    await finishDownload(deps, ticket, 'expired', new AppError('story_expired'));
    return { kind: 'skip', reason: 'story expired before it started' };
  }
  // A job that keeps killing its worker must not loop for ever.
  if (download.attempts >= deps.config.maxAttempts * 2) {
    await finishDownload(deps, ticket, 'failed', new AppError('internal', 'Too many attempts'));
    return { kind: 'skip', reason: 'too many attempts' };
  }
  const moved = await updateDownload(deps, ticket, {
    state: 'resolving',
    startedAt: now,
    attempts: { increment: 1 },
  });
  if (!moved) return { kind: 'skip', reason: 'download changed meanwhile' };
  return { kind: 'run', ticket, download: { ...download, attempts: download.attempts + 1 } };
}

/** Ends a download in `failed` or `expired` with the error's code and plain message. */
export async function finishDownload(
  deps: Pick<DownloadDeps, 'db' | 'now'>,
  ticket: DownloadTicket,
  state: 'failed' | 'expired',
  error: AppError,
): Promise<boolean> {
  return updateDownload(deps, ticket, {
    state,
    failureCode: error.code,
    failureMessage: ERRORS[error.code].user,
    finishedAt: deps.now(),
  });
}
