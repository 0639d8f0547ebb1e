import type { PrismaClient } from '../generated/prisma/client.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The auto-delete's next batch: Downloads asked for more than `days` days ago, finished (saved,
 * failed, expired or canceled; one still on its way is never taken) and not pinned. Oldest first,
 * on the (state, createdAt) index.
 */
export async function downloadsPastRetention(
  db: Pick<PrismaClient, 'download'>,
  options: { readonly days: number; readonly now?: Date; readonly limit?: number },
): Promise<string[]> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.days * DAY_MS);
  const rows = await db.download.findMany({
    where: {
      state: { in: ['done', 'failed', 'expired', 'canceled'] },
      createdAt: { lt: cutoff },
      pinnedAt: null,
    },
    orderBy: { createdAt: 'asc' },
    take: options.limit ?? 200,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
