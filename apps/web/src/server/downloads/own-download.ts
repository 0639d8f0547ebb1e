import { AppError } from '@tiksavr/core';
import type { Db, Prisma } from '@tiksavr/db';

/**
 * The user's own Download with the given id. Someone else's id fails exactly like an id that
 * does not exist (`download_not_found`), so ids cannot be probed.
 */
export async function findOwnDownload<S extends Prisma.DownloadSelect>(
  db: Db | Prisma.TransactionClient,
  userId: string,
  id: string,
  select: S,
): Promise<Prisma.DownloadGetPayload<{ select: S }>> {
  const row = await db.download.findFirst({ where: { id, userId }, select });
  if (!row) throw new AppError('download_not_found', `download ${id} not found for user ${userId}`);
  return row as Prisma.DownloadGetPayload<{ select: S }>;
}
