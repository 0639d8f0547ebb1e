import { AppError } from '@tiksavr/core';
import type { Db, Prisma } from '@tiksavr/db';

/**
 * The user's own Watch with the given id. Someone else's id fails exactly like an id that does
 * not exist (`watch_not_found`), so ids cannot be probed.
 */
export async function findOwnWatch<S extends Prisma.WatchSelect>(
  db: Db | Prisma.TransactionClient,
  userId: string,
  id: string,
  select: S,
): Promise<Prisma.WatchGetPayload<{ select: S }>> {
  const row = await db.watch.findFirst({ where: { id, userId }, select });
  if (!row) throw new AppError('watch_not_found', `watch ${id} not found for user ${userId}`);
  return row as Prisma.WatchGetPayload<{ select: S }>;
}
