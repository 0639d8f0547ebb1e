import { AppError } from '@tiksavr/core';
import { deleteDownloads } from '@tiksavr/db';
import { log } from '../../logger.ts';
import type { UserContext } from '../../trpc.ts';
import type { DownloadId } from './downloads.schema.ts';

/**
 * Removes a Download from the user's history, through the one deletion every path uses
 * (`deleteDownloads` in @tiksavr/db: a person's delete, the auto-delete, admin clean-up). When no
 * other Download of anyone still points at its item, the item's Asset rows go too, and its files
 * are released: a file another item still uses stays, the rest are removed crash-safely (marked
 * under the file's row lock, then unlinked; a crash in between is finished by the worker's sweep).
 */
export async function deleteDownload(ctx: UserContext, input: DownloadId): Promise<{ id: string }> {
  const { deleted } = await deleteDownloads(ctx.db, ctx.storage, {
    ids: [input.id],
    userId: ctx.user.id,
    onFileError: (error, key) =>
      log().warn({ err: error, storageKey: key, downloadId: input.id }, 'could not delete a stored file'),
  });
  const row = deleted[0];
  if (row === undefined) {
    throw new AppError('download_not_found', `download ${input.id} not found for user ${ctx.user.id}`);
  }
  if (row.jobId) {
    const boss = await ctx.boss();
    await boss.cancel('media.download', row.jobId).catch(() => {});
  }
  return { id: input.id };
}
