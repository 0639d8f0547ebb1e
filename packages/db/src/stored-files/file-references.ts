import type { Prisma } from '../generated/prisma/client.ts';

/**
 * The keys among `keys` that something still uses: an Asset row (any item's, so a file two items
 * share stays while either has it) or a creator's profile picture. Computed, never counted: a
 * counter could drift after a crash, these rows cannot. Read under the StoredFile row locks, so a
 * reference committed by a writer that held the lock first is seen.
 */
export async function referencedKeys(
  tx: Prisma.TransactionClient,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ key: string }[]>`
    SELECT "storageKey" AS key FROM "Asset" WHERE "storageKey" = ANY(${[...keys]}::text[])
    UNION
    SELECT "avatarKey" AS key FROM "Creator" WHERE "avatarKey" = ANY(${[...keys]}::text[])`;
  return new Set(rows.map((row) => row.key));
}
