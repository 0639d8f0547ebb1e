import { isAppError } from '@tiksavr/core';
import { deleteDownload } from '../routers/downloads/delete.handler.ts';
import type { Context } from '../trpc.ts';

/**
 * Deletes Downloads (any user's) the way their owner would: through the downloads feature's own
 * delete, so the item's files go too when no other Download still uses them, and a waiting job is
 * canceled. One row per transaction, because file clean-up happens after each commit.
 */
export async function deleteJobIds(ctx: Pick<Context, 'db' | 'boss' | 'storage'>, ids: readonly string[]) {
  if (ids.length === 0) return 0;
  const owners = await ctx.db.download.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  let deleted = 0;
  for (const row of owners) {
    try {
      await deleteDownload({ ...ctx, user: row.user }, { id: row.id });
      deleted++;
    } catch (error) {
      // Deleted meanwhile (by its owner or another admin): nothing left to do.
      if (!(isAppError(error) && error.code === 'download_not_found')) throw error;
    }
  }
  return deleted;
}
