import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

/** What a person keeps: the bytes of their saved items, and their items saved or on the way. */
export type UserUsage = { readonly bytes: number; readonly items: number };

type Reader = Pick<PrismaClient, '$queryRaw'> | Pick<Prisma.TransactionClient, '$queryRaw'>;

/**
 * Usage per person, as the quota counts it: every saved (`done`) Download costs its own size,
 * even when the file is shared with another person's (dedup saves disk, not quota); items are the
 * Downloads saved or still on their way (failed, expired and canceled ones keep nothing). One
 * grouped query on the (userId, state, …) index. `excludeDownloadId` leaves one Download out (the
 * worker's own, while it decides whether that one fits).
 */
export async function usageOfUsers(
  db: Reader,
  userIds: readonly string[],
  options: { readonly excludeDownloadId?: string } = {},
): Promise<Map<string, UserUsage>> {
  const usage = new Map<string, UserUsage>(userIds.map((userId) => [userId, { bytes: 0, items: 0 }]));
  if (userIds.length === 0) return usage;
  const exclude = options.excludeDownloadId ?? '00000000-0000-0000-0000-000000000000';
  const rows = await db.$queryRaw<{ userId: string; bytes: bigint | null; items: bigint }[]>`
    SELECT "userId",
           sum(CASE WHEN "state" = 'done' THEN COALESCE("bytesTotal", "bytesDone") ELSE 0 END) AS bytes,
           count(*) AS items
    FROM "Download"
    WHERE "userId" = ANY(${[...userIds]}::text[])
      AND "state" IN ('queued', 'resolving', 'downloading', 'done')
      AND "id" <> ${exclude}::uuid
    GROUP BY "userId"`;
  for (const row of rows) usage.set(row.userId, { bytes: Number(row.bytes ?? 0n), items: Number(row.items) });
  return usage;
}

export async function usageOf(
  db: Reader,
  userId: string,
  options: { readonly excludeDownloadId?: string } = {},
): Promise<UserUsage> {
  return (await usageOfUsers(db, [userId], options)).get(userId) as UserUsage;
}
