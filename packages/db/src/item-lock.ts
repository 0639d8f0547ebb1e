import type { Prisma } from './generated/prisma/client.ts';

/**
 * Serialises every change to one TikTok item's files across processes: a transaction-scoped
 * advisory lock on the item id. The worker takes the same lock (apps/worker claim-item.ts, same
 * key) to decide who downloads an item and to link a stored one, so a deletion of its last
 * Download and a new Download linking to it can never both win.
 */
export async function lockItem(tx: Prisma.TransactionClient, itemId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`item:${itemId}`}, 0))`;
}

/** Locks several items, in id order (two callers locking overlapping sets cannot deadlock). */
export async function lockItems(tx: Prisma.TransactionClient, itemIds: Iterable<string>): Promise<void> {
  for (const itemId of [...new Set(itemIds)].sort()) await lockItem(tx, itemId);
}
