import { randomUUID } from 'node:crypto';
import { AppError, JOBS, parseJobPayload } from '@tiksavr/core';
import { fromPrisma } from '@tiksavr/db';
import { notifyDownloadChange } from '../../downloads/notify-download-change.ts';
import { findOwnDownload } from '../../downloads/own-download.ts';
import { userRetryVerdict } from '../../downloads/user-retry-verdict.ts';
import type { UserContext } from '../../trpc.ts';
import type { DownloadId } from './downloads.schema.ts';

/**
 * Puts a failed or canceled Download back in the queue with a fresh job, when trying again
 * can help (see user-retry-verdict.ts): a failure the post itself caused (private, deleted,
 * region-locked, an expired story, …) is refused with `retry_not_possible`. The update only
 * applies while the row is still as it was read, and it commits with the new job, so two clicks
 * cannot queue the same Download twice.
 */
export async function retryDownload(
  ctx: UserContext,
  input: DownloadId,
): Promise<{ id: string; jobId: string }> {
  const boss = await ctx.boss();
  const jobId = randomUUID();
  await ctx.db.$transaction(async (tx) => {
    const row = await findOwnDownload(tx, ctx.user.id, input.id, {
      state: true,
      failureCode: true,
      storyDeadline: true,
      priority: true,
    });
    const verdict = userRetryVerdict(row, new Date());
    const detail = { state: row.state, failureCode: row.failureCode };
    const stateConflict = () =>
      new AppError('download_state_conflict', `cannot retry a download in state ${row.state}`, { detail });
    if (verdict === 'wrong_state') throw stateConflict();
    if (verdict === 'cannot_succeed') {
      throw new AppError(
        'retry_not_possible',
        `a retry cannot help a download in state ${row.state} (${row.failureCode ?? 'no code'})`,
        { detail },
      );
    }
    // Only while the row is still what was judged above: a second click finds it queued.
    const { count } = await tx.download.updateMany({
      where: { id: input.id, userId: ctx.user.id, state: row.state, failureCode: row.failureCode },
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
    if (count === 0) throw stateConflict();
    await boss.send('media.download', parseJobPayload('media.download', { downloadId: input.id }), {
      ...JOBS['media.download'].queue,
      id: jobId,
      priority: row.priority,
      db: fromPrisma(tx),
    });
    await notifyDownloadChange(tx, { downloadId: input.id, userId: ctx.user.id, state: 'queued' });
  });
  return { id: input.id, jobId };
}
