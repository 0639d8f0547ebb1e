import { type DownloadState, Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { lockItems } from '../item-lock.ts';
import { dropUnusedItemFiles } from './drop-unused-item-files.ts';
import type { ObjectStore } from './object-store.ts';
import { type ReleaseResult, releaseStoredFiles } from './release-stored-files.ts';

export type DeletedDownload = {
  readonly id: string;
  readonly userId: string;
  /** The job it had: the caller cancels it (a waiting or running download stops). */
  readonly jobId: string | null;
  readonly state: DownloadState;
};

export type DeleteDownloadsInput = {
  readonly ids: readonly string[];
  /** Only this person's rows (a person deleting from their history); absent: anyone's (admin, auto-delete). */
  readonly userId?: string;
  readonly onFileError?: (error: unknown, key: string) => void;
};

export type DeleteDownloadsResult = { readonly deleted: DeletedDownload[]; readonly files: ReleaseResult };

const DELETE_TX = { maxWait: 15_000, timeout: 60_000 } as const;

/**
 * The one way Downloads are deleted (a person's delete, the auto-delete, admin clean-up). In one
 * transaction under the items' locks: the rows go, and every item nobody has a Download of any
 * more loses its Asset rows. After the commit the files those rows used are released
 * (release-stored-files.ts): a file another item still uses stays, the rest are removed
 * crash-safely. Rows already gone are skipped, so two deletions of one row do not collide.
 */
export async function deleteDownloads(
  db: PrismaClient,
  store: ObjectStore,
  input: DeleteDownloadsInput,
): Promise<DeleteDownloadsResult> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return { deleted: [], files: { removed: [], kept: [], failed: [] } };
  const owner = input.userId === undefined ? {} : { userId: input.userId };
  const { deleted, keys } = await db.$transaction(async (tx) => {
    const before = await tx.download.findMany({
      where: { id: { in: ids }, ...owner },
      select: { itemId: true },
    });
    const locked = new Set(before.flatMap((row) => (row.itemId === null ? [] : [row.itemId])));
    await lockItems(tx, locked);
    const rows = await tx.$queryRaw<(DeletedDownload & { itemId: string | null })[]>`
      DELETE FROM "Download"
      WHERE "id" = ANY(${ids}::uuid[])
        ${input.userId === undefined ? Prisma.empty : Prisma.sql`AND "userId" = ${input.userId}`}
      RETURNING "id", "userId", "jobId", "state", "itemId"`;
    const itemIds = new Set(rows.flatMap((row) => (row.itemId === null ? [] : [row.itemId])));
    // A worker may have recorded the item between the read and the lock: lock that one too.
    await lockItems(
      tx,
      [...itemIds].filter((itemId) => !locked.has(itemId)),
    );
    const keys: string[] = [];
    for (const itemId of [...itemIds].sort()) keys.push(...(await dropUnusedItemFiles(tx, itemId)));
    return {
      deleted: rows.map(({ id, userId, jobId, state }) => ({ id, userId, jobId, state })),
      keys,
    };
  }, DELETE_TX);
  const files = await releaseStoredFiles(db, store, keys, {
    ...(input.onFileError === undefined ? {} : { onError: input.onFileError }),
  });
  return { deleted, files };
}
