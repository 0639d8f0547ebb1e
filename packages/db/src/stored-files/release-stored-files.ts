import type { PrismaClient } from '../generated/prisma/client.ts';
import { referencedKeys } from './file-references.ts';
import type { ObjectStore } from './object-store.ts';
import { ensureStoredFileRows, lockStoredFiles } from './stored-file-lock.ts';

/**
 * Crash-safe removal of stored files nobody uses any more, in two steps, each under the files'
 * row locks (see stored-file-lock.ts):
 *
 * 1. `markUnreferenced`: lock the rows, keep every file something still references, mark the
 *    rest `deletePendingAt`, commit. From then on the file is due to go, unless a new reference
 *    calls it off (linkStoredFile clears the marker under the same lock).
 * 2. `finishDeletion`: lock the row again; only if it is still marked and still unreferenced,
 *    unlink the object and delete the row, in that order, before committing.
 *
 * A crash after 1 leaves a marked row and its object; a crash inside 2 (after the unlink) rolls
 * back to a marked row whose object is gone. Either way the sweep (sweep-stored-files.ts)
 * finishes it. The unlink runs while the lock is held, so a writer can never link an object that
 * is about to disappear: it waits, then finds the row gone (or the object missing) and stores the
 * bytes again. This assumes `store.delete` returns (or fails) within the transaction's timeout.
 */
const FINISH_TX = { maxWait: 15_000, timeout: 5 * 60_000 } as const;
const MARK_TX = { maxWait: 15_000, timeout: 60_000 } as const;

export type MarkResult = { readonly marked: string[]; readonly kept: string[] };

/** Step 1. Keys without a row get one first (a file stored before rows existed, or an orphan). */
export async function markUnreferenced(
  db: PrismaClient,
  keys: readonly string[],
  now: Date = new Date(),
): Promise<MarkResult> {
  const unique = [...new Set(keys)].sort();
  if (unique.length === 0) return { marked: [], kept: [] };
  return db.$transaction(async (tx) => {
    await ensureStoredFileRows(
      tx,
      unique.map((key) => ({ key, size: 0 })),
    );
    const rows = await lockStoredFiles(tx, unique);
    const referenced = await referencedKeys(tx, unique);
    const marked = unique.filter((key) => rows.has(key) && !referenced.has(key));
    if (marked.length > 0) {
      await tx.storedFile.updateMany({
        where: { key: { in: marked }, deletePendingAt: null },
        data: { deletePendingAt: now },
      });
    }
    return { marked, kept: unique.filter((key) => !marked.includes(key)) };
  }, MARK_TX);
}

export type FinishOutcome =
  /** The object is unlinked and its row deleted. */
  | 'removed'
  /** A reference came first (the marker was cleared, or the row is gone): nothing was touched. */
  | 'kept';

/** Step 2, for one marked file. Safe to run twice, or by two processes at once. */
export async function finishDeletion(
  db: PrismaClient,
  store: ObjectStore,
  key: string,
): Promise<FinishOutcome> {
  return db.$transaction(async (tx) => {
    const row = (await lockStoredFiles(tx, [key])).get(key);
    if (row?.deletePendingAt == null) return 'kept';
    if ((await referencedKeys(tx, [key])).size > 0) {
      // Something referenced it without linking (not through linkStoredFile): keep it, unmarked.
      await tx.storedFile.update({ where: { key }, data: { deletePendingAt: null } });
      return 'kept';
    }
    await store.delete(key);
    await tx.storedFile.delete({ where: { key } });
    return 'removed';
  }, FINISH_TX);
}

export type ReleaseResult = {
  readonly removed: string[];
  readonly kept: string[];
  /** Marked, but the unlink failed: the sweep finishes these later. */
  readonly failed: string[];
};

/**
 * Both steps for files that just lost a reference (a deleted item's assets): what nobody else
 * uses goes, what another item (or avatar) still uses stays. Used by every deletion: a person's
 * delete, the auto-delete, admin clean-up and the sweep. A store that fails to unlink does not
 * fail the caller (the rows that mattered are committed already): the file stays marked, is
 * reported in `failed` and through `onError`, and the sweep retries it.
 */
export async function releaseStoredFiles(
  db: PrismaClient,
  store: ObjectStore,
  keys: readonly string[],
  options: { readonly now?: Date; readonly onError?: (error: unknown, key: string) => void } = {},
): Promise<ReleaseResult> {
  const { marked, kept } = await markUnreferenced(db, keys, options.now);
  const result: ReleaseResult = { removed: [], kept: [...kept], failed: [] };
  for (const key of marked) {
    try {
      const outcome = await finishDeletion(db, store, key);
      (outcome === 'removed' ? result.removed : result.kept).push(key);
    } catch (error) {
      result.failed.push(key);
      options.onError?.(error, key);
    }
  }
  return result;
}
