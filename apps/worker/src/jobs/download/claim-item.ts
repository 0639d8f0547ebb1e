import type { Prisma } from '@tiksavr/db';
import { type DownloadDeps, type DownloadTicket, inTransaction } from './download-deps.ts';
import { updateDownload } from './update-download.ts';

export type ItemClaim =
  /** The item was already stored: this download is `done` without fetching anything. */
  | { readonly kind: 'linked' }
  /** Another live job is downloading the same item: wait for it, then link. */
  | { readonly kind: 'busy' }
  /** This job downloads the item; the Download is now `downloading`. */
  | { readonly kind: 'claimed' }
  /** The download is no longer this job's (canceled, or handed to another job). */
  | { readonly kind: 'lost' };

/**
 * Serialises work on one TikTok item across jobs and workers with a transaction-scoped advisory
 * lock on the item id, held only for this check (never across the download itself), so two jobs
 * for the same item download it once.
 */
export async function lockItem(tx: Prisma.TransactionClient, itemId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`item:${itemId}`}, 0))`;
}

/** True when the pg-boss job is waiting or running with a fresh heartbeat. */
export async function isJobLive(
  tx: Prisma.TransactionClient,
  jobId: string,
  staleSeconds: number,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ live: boolean }[]>`
    SELECT (state IN ('created', 'retry')
            OR (state = 'active'
                AND COALESCE(heartbeat_on, started_on) > now() - make_interval(secs => ${staleSeconds}))) AS live
    FROM pgboss.job WHERE id = ${jobId}::uuid AND name = 'media.download'`;
  return rows[0]?.live === true;
}

export async function claimItem(
  deps: Pick<DownloadDeps, 'db' | 'now' | 'config'>,
  ticket: DownloadTicket,
  itemId: string,
): Promise<ItemClaim> {
  return inTransaction(deps.db, async (tx) => {
    await lockItem(tx, itemId);
    // Stored already? One aggregate rather than the item and then its assets (a round trip less).
    const [stored] = await tx.$queryRaw<{ assets: number; bytes: bigint }[]>`
      SELECT count(a.id)::int AS assets, coalesce(sum(a.size), 0)::bigint AS bytes
        FROM "Item" i JOIN "Asset" a ON a."itemId" = i.id
       WHERE i.id = ${itemId} AND i."storedAt" IS NOT NULL`;
    if (stored !== undefined && stored.assets > 0) {
      const bytes = stored.bytes;
      const done = await updateDownload(
        deps,
        ticket,
        {
          state: 'done',
          finishedAt: deps.now(),
          bytesDone: bytes,
          bytesTotal: bytes,
          failureCode: null,
          failureMessage: null,
        },
        { tx, event: { bytesDone: Number(bytes), bytesTotal: Number(bytes) } },
      );
      return { kind: done ? 'linked' : 'lost' };
    }
    const others = await tx.download.findMany({
      where: { itemId, state: 'downloading', id: { not: ticket.downloadId }, jobId: { not: null } },
      select: { jobId: true },
    });
    for (const other of others) {
      if (other.jobId && (await isJobLive(tx, other.jobId, deps.config.staleJobSeconds)))
        return { kind: 'busy' };
    }
    const moved = await updateDownload(deps, ticket, { state: 'downloading', bytesDone: 0 }, { tx });
    return { kind: moved ? 'claimed' : 'lost' };
  });
}
