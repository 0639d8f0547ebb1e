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
  const found = await findOwnDownload(deps, downloadId, jobId);
  if (found.kind === 'skip') return found;
  const { ticket, download } = found;

  const now = deps.now();
  const ending =
    download.storyDeadline !== null && download.storyDeadline <= now
      ? {
          state: 'expired' as const,
          error: new AppError('story_expired'),
          reason: 'story expired before it started',
        }
      : // A job that keeps killing its worker must not loop for ever.
        download.attempts >= deps.config.maxAttempts * 2
        ? {
            state: 'failed' as const,
            error: new AppError('internal', 'Too many attempts'),
            reason: 'too many attempts',
          }
        : null;
  if (ending !== null) {
    if (await adoptDownload(deps, ticket)) await finishDownload(deps, ticket, ending.state, ending.error);
    return { kind: 'skip', reason: ending.reason };
  }
  // Adopted (a Download the web app created has no job yet) and moved on in one write: one round
  // trip less per job than adopting first (bench worker.e2e.timeline counts them).
  const moved = await updateDownload(
    deps,
    ticket,
    { state: 'resolving', startedAt: now, attempts: { increment: 1 } },
    { adopt: true },
  );
  if (!moved) return { kind: 'skip', reason: 'download changed meanwhile' };
  return { kind: 'run', ticket, download: { ...download, jobId, attempts: download.attempts + 1 } };
}

/**
 * The part of a claim every job of a Download shares (`media.identify`, `media.download`): the
 * Download exists, is active, and is this job's (a Download with no job recorded is adopted).
 */
export async function takeDownload(
  deps: Pick<DownloadDeps, 'db'>,
  downloadId: string,
  jobId: string,
): Promise<DownloadClaim> {
  const found = await findOwnDownload(deps, downloadId, jobId);
  if (found.kind === 'skip') return found;
  if (!(await adoptDownload(deps, found.ticket)))
    return { kind: 'skip', reason: 'download changed meanwhile' };
  return { kind: 'run', ticket: found.ticket, download: { ...found.download, jobId } };
}

/** Reads the Download: it exists, is active, and no other job holds it (nothing is written). */
async function findOwnDownload(
  deps: Pick<DownloadDeps, 'db'>,
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
  return { kind: 'run', ticket: { downloadId, userId: download.userId, jobId }, download };
}

/** Records the ticket's job as the Download's, unless another job took it meanwhile. */
async function adoptDownload(deps: Pick<DownloadDeps, 'db'>, ticket: DownloadTicket): Promise<boolean> {
  const { count } = await deps.db.download.updateMany({
    where: {
      id: ticket.downloadId,
      state: { in: [...ACTIVE_STATES] },
      OR: [{ jobId: null }, { jobId: ticket.jobId }],
    },
    data: { jobId: ticket.jobId },
  });
  return count > 0;
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
