import { randomUUID } from 'node:crypto';
import { AppError, JOBS, parseJobPayload } from '@tiksavr/core';
import { fromPrisma } from '@tiksavr/db';
import { RETRYABLE_STATES } from '../../downloads/download-states.ts';
import { notifyDownloadChange } from '../../downloads/notify-download-change.ts';
import { findOwnDownload } from '../../downloads/own-download.ts';
import type { UserContext } from '../../trpc.ts';
import type { DownloadId } from './downloads.schema.ts';

/**
 * Puts a failed, expired or canceled Download back in the queue with a fresh job. The state check
 * and the new job commit together, so two clicks cannot queue the same Download twice.
 */
export async function retryDownload(
  ctx: UserContext,
  input: DownloadId,
): Promise<{ id: string; jobId: string }> {
  const boss = await ctx.boss();
  const jobId = randomUUID();
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.download.updateMany({
      where: { id: input.id, userId: ctx.user.id, state: { in: [...RETRYABLE_STATES] } },
      data: {
        state: 'queued',
        jobId,
        failureCode: null,
        failureMessage: null,
        bytesDone: 0,
        startedAt: null,
        finishedAt: null,
      },
    });
    if (count === 0) {
      const { state } = await findOwnDownload(tx, ctx.user.id, input.id, { state: true });
      throw new AppError('download_state_conflict', `cannot retry a download in state ${state}`, {
        detail: { state },
      });
    }
    const { priority } = await tx.download.findUniqueOrThrow({
      where: { id: input.id },
      select: { priority: true },
    });
    await boss.send('media.download', parseJobPayload('media.download', { downloadId: input.id }), {
      ...JOBS['media.download'].queue,
      id: jobId,
      priority,
      db: fromPrisma(tx),
    });
    await notifyDownloadChange(tx, { downloadId: input.id, userId: ctx.user.id, state: 'queued' });
  });
  return { id: input.id, jobId };
}
