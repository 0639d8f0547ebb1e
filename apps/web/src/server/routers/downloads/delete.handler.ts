import { findOwnDownload } from '../../downloads/own-download.ts';
import { log } from '../../logger.ts';
import type { UserContext } from '../../trpc.ts';
import type { DownloadId } from './downloads.schema.ts';

/**
 * Removes a Download from the user's history. When no other Download (of any user) still points
 * at its item, the item's Asset rows go too, and so does every stored file no remaining Asset
 * row uses (files are content-addressed, so two items can share one). The item row is locked
 * while deciding, so two people deleting the last two Downloads of one item cannot both leave
 * the files behind.
 */
export async function deleteDownload(ctx: UserContext, input: DownloadId): Promise<{ id: string }> {
  const { jobId, orphanKeys } = await ctx.db.$transaction(async (tx) => {
    const row = await findOwnDownload(tx, ctx.user.id, input.id, { itemId: true, jobId: true, state: true });
    if (row.itemId) await tx.$queryRaw`SELECT 1 FROM "Item" WHERE "id" = ${row.itemId} FOR UPDATE`;
    await tx.download.delete({ where: { id: input.id } });
    if (!row.itemId) return { jobId: row.jobId, orphanKeys: [] as string[] };
    const stillUsed = await tx.download.count({ where: { itemId: row.itemId } });
    if (stillUsed > 0) return { jobId: row.jobId, orphanKeys: [] as string[] };
    const assets = await tx.asset.findMany({ where: { itemId: row.itemId }, select: { storageKey: true } });
    await tx.asset.deleteMany({ where: { itemId: row.itemId } });
    // The worker reuses stored items; with the files gone, this one must be downloaded afresh.
    await tx.item.update({ where: { id: row.itemId }, data: { storedAt: null } });
    const keys = [...new Set(assets.map((asset) => asset.storageKey))];
    const shared = await tx.asset.findMany({
      where: { storageKey: { in: keys } },
      select: { storageKey: true },
      distinct: ['storageKey'],
    });
    const sharedKeys = new Set(shared.map((asset) => asset.storageKey));
    return { jobId: row.jobId, orphanKeys: keys.filter((key) => !sharedKeys.has(key)) };
  });

  // Files go after the commit: a failed delete leaves an unreferenced file (harmless, and the
  // rows are the truth), never a row pointing at a missing file.
  for (const key of orphanKeys) {
    await ctx.storage.delete(key).catch((error: unknown) => {
      log().warn({ err: error, storageKey: key, downloadId: input.id }, 'could not delete a stored file');
    });
  }
  if (jobId) {
    const boss = await ctx.boss();
    await boss.cancel('media.download', jobId).catch(() => {});
  }
  return { id: input.id };
}
