import type { Prisma } from '../generated/prisma/client.ts';
import type { ObjectStore } from './object-store.ts';

/**
 * - `linked`: the object is there and stays while the caller's transaction adds its reference
 *   (a pending deletion of it was called off);
 * - `missing`: the object is gone (a deletion finished between the caller's store and this
 *   link): store the bytes again, then link again.
 */
export type LinkOutcome = 'linked' | 'missing';

/**
 * The first half of adding a reference to a stored file (an Asset row, an avatar): call it in
 * the transaction that writes the reference, after the bytes are in the store. Under the file's
 * row lock it checks the object is really there and clears a pending deletion, so the deleter,
 * which unlinks only under the same lock and only while the marker is still set, keeps the file.
 * The lock is held until the caller commits, so its reference is visible to the next deleter.
 */
export async function linkStoredFile(
  tx: Prisma.TransactionClient,
  store: Pick<ObjectStore, 'stat'>,
  file: { readonly key: string; readonly size: number },
): Promise<LinkOutcome> {
  // One statement inserts the row or locks the existing one (waiting for a deletion that holds
  // it; a row that deletion removed is inserted afresh), and returns its marker.
  const [row] = await tx.$queryRaw<{ deletePendingAt: Date | null }[]>`
    INSERT INTO "StoredFile" ("key", "size") VALUES (${file.key}, ${BigInt(file.size)})
    ON CONFLICT ("key") DO UPDATE SET "size" = EXCLUDED."size"
    RETURNING "deletePendingAt"`;
  const present = await store.stat(file.key);
  if (present === null || present.size !== file.size) return 'missing';
  if (row?.deletePendingAt != null) {
    await tx.storedFile.update({ where: { key: file.key }, data: { deletePendingAt: null } });
  }
  return 'linked';
}
