import type { Prisma } from '../generated/prisma/client.ts';

export type LockedStoredFile = {
  readonly key: string;
  readonly size: bigint;
  readonly deletePendingAt: Date | null;
};

/**
 * Locks the StoredFile rows of `keys` (FOR UPDATE, in key order so two deletions of overlapping
 * sets cannot deadlock) until the transaction ends. The row lock is the one mutex of a stored
 * file: references are added, a deletion is decided and the object is unlinked only under it.
 * Keys without a row are absent from the result.
 */
export async function lockStoredFiles(
  tx: Prisma.TransactionClient,
  keys: readonly string[],
): Promise<Map<string, LockedStoredFile>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.$queryRaw<LockedStoredFile[]>`
    SELECT "key", "size", "deletePendingAt" FROM "StoredFile"
    WHERE "key" = ANY(${[...keys]}::text[])
    ORDER BY "key"
    FOR UPDATE`;
  return new Map(rows.map((row) => [row.key, row]));
}

/** Makes sure each key has a row (size 0 when not known), without waiting on anyone's lock. */
export async function ensureStoredFileRows(
  tx: Prisma.TransactionClient,
  files: readonly { readonly key: string; readonly size: number }[],
): Promise<void> {
  if (files.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "StoredFile" ("key", "size")
    SELECT * FROM unnest(${files.map((file) => file.key)}::text[], ${files.map((file) => String(file.size))}::text[]::bigint[])
    ON CONFLICT ("key") DO NOTHING`;
}
