import type { Prisma } from '../generated/prisma/client.ts';

/**
 * Inside a transaction holding the item's lock (item-lock.ts): when no Download of anyone points
 * at the item any more, its Asset rows go and the item is marked not stored (a later save of it
 * downloads it afresh). Returns the storage keys those rows used, for releaseStoredFiles after
 * the commit; [] when the item is still someone's.
 */
export async function dropUnusedItemFiles(tx: Prisma.TransactionClient, itemId: string): Promise<string[]> {
  const stillUsed = await tx.download.count({ where: { itemId } });
  if (stillUsed > 0) return [];
  const assets = await tx.asset.findMany({ where: { itemId }, select: { storageKey: true } });
  if (assets.length > 0) await tx.asset.deleteMany({ where: { itemId } });
  await tx.item.updateMany({ where: { id: itemId, storedAt: { not: null } }, data: { storedAt: null } });
  return [...new Set(assets.map((asset) => asset.storageKey))];
}
