import { randomUUID } from 'node:crypto';
import { type AppError, priorityFor } from '@tiksavr/core';
import { bossDbFor, type Prisma } from '@tiksavr/db';
import { type DownloadDeps, type DownloadTicket, inTransaction } from './download-deps.ts';
import { updateDownload } from './update-download.ts';

export type RequeueOptions = {
  /** Seconds before the new job may start. */
  readonly delaySeconds: number;
  /** The failure of this attempt, shown while the download waits. */
  readonly failure?: AppError;
  /** False when the attempt was not the download's fault (shutdown, waiting for another job). */
  readonly countAttempt: boolean;
  readonly storyDeadline: Date | null;
  /** The queue of the new job (default `media.download`; `media.identify` hands a short link back to it). */
  readonly queue?: 'media.download' | 'media.identify';
};

/**
 * Puts a download back to `queued` with a new pg-boss job, in one transaction: the Download row
 * names the new job (fencing the old one out) and the job exists iff the row says so, so the
 * download can never be left without a job. Returns false when the ticket no longer holds it.
 */
export async function requeueDownload(
  deps: Pick<DownloadDeps, 'db' | 'boss' | 'now'>,
  ticket: DownloadTicket,
  options: RequeueOptions,
): Promise<boolean> {
  const nextJobId = randomUUID();
  const priority = priorityFor(options.storyDeadline, deps.now());
  return inTransaction(deps.db, async (tx) => {
    const data: Prisma.DownloadUpdateManyMutationInput = {
      state: 'queued',
      jobId: nextJobId,
      priority,
      ...(options.failure
        ? { failureCode: options.failure.code, failureMessage: options.failure.userMessage }
        : {}),
      ...(options.countAttempt ? {} : { attempts: { decrement: 1 } }),
    };
    const held = await updateDownload(deps, ticket, { ...data, state: 'queued' }, { tx });
    if (!held) return false;
    await deps.boss.send(
      options.queue ?? 'media.download',
      { downloadId: ticket.downloadId },
      {
        id: nextJobId,
        priority,
        // Seconds from the database's now (whole ms: pg-boss casts the number's text to an
        // interval, which must not be in exponent form), so a worker clock that differs cannot
        // push the start away.
        ...(options.delaySeconds > 0 ? { startAfter: Math.ceil(options.delaySeconds * 1000) / 1000 } : {}),
        db: bossDbFor(tx),
      },
    );
    return true;
  });
}
