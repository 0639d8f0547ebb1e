import { AppError } from '@tiksavr/core';
import { ACTIVE_STATES } from '../../downloads/download-states.ts';
import { notifyDownloadChange } from '../../downloads/notify-download-change.ts';
import { findOwnDownload } from '../../downloads/own-download.ts';
import type { UserContext } from '../../trpc.ts';
import type { DownloadId } from './downloads.schema.ts';

/**
 * Cancels a Download that is queued or running. The row's state is the source of truth: the worker
 * checks it before each step and stops, so a job already running ends soon after. A job still
 * waiting in the queue is canceled in pg-boss too, so no worker spends time on it.
 */
export async function cancelDownload(ctx: UserContext, input: DownloadId): Promise<{ id: string }> {
  const jobId = await ctx.db.$transaction(async (tx) => {
    const row = await findOwnDownload(tx, ctx.user.id, input.id, { state: true, jobId: true });
    const { count } = await tx.download.updateMany({
      where: { id: input.id, userId: ctx.user.id, state: { in: [...ACTIVE_STATES] } },
      data: { state: 'canceled', failureCode: 'canceled', failureMessage: null, finishedAt: new Date() },
    });
    if (count === 0) {
      throw new AppError('download_state_conflict', `cannot cancel a download in state ${row.state}`, {
        detail: { state: row.state },
      });
    }
    await notifyDownloadChange(tx, { downloadId: input.id, userId: ctx.user.id, state: 'canceled' });
    return row.jobId;
  });
  if (jobId) {
    // Best effort: the worker honours the row's state anyway.
    const boss = await ctx.boss();
    await boss.cancel('media.download', jobId).catch(() => {});
  }
  return { id: input.id };
}
