import type { Db } from '@tiksavr/db';
import { z } from 'zod';

const Uuid = z.uuid();

/**
 * The asset `assetId` when `userId` owns a Download of its item, else null. Another user's asset
 * and an asset that does not exist are the same null, so ids cannot be probed.
 */
export async function findOwnedAsset(db: Db, userId: string, assetId: string) {
  if (!Uuid.safeParse(assetId).success) return null;
  return db.asset.findFirst({
    where: { id: assetId, item: { downloads: { some: { userId } } } },
    select: {
      id: true,
      role: true,
      index: true,
      mime: true,
      size: true,
      sha256: true,
      storageKey: true,
      item: { select: { id: true, author: true, caption: true } },
    },
  });
}

/** The photo post behind the user's own Download `downloadId`, with its files in ZIP order. */
export async function findOwnedPhotoPost(db: Db, userId: string, downloadId: string) {
  if (!Uuid.safeParse(downloadId).success) return null;
  const download = await db.download.findFirst({
    where: { id: downloadId, userId },
    select: {
      item: {
        select: {
          id: true,
          kind: true,
          author: true,
          caption: true,
          assets: {
            where: { role: { in: ['image', 'audio'] } },
            select: { role: true, index: true, mime: true, size: true, storageKey: true, createdAt: true },
            orderBy: [{ role: 'asc' }, { index: 'asc' }],
          },
        },
      },
    },
  });
  const item = download?.item;
  if (item?.kind !== 'photo' || item.assets.length === 0) return null;
  return item;
}
