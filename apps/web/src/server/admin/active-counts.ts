import type { Db } from '@tiksavr/db';

export type ActiveCounts = Record<'queued' | 'resolving' | 'downloading', number>;

/**
 * Queued, resolving and downloading Downloads, however old: what the workers have not finished.
 * Each count is one range of the (state, createdAt) index, small however long the history is.
 */
export async function countActive(db: Db): Promise<ActiveCounts> {
  const [row] = await db.$queryRaw<ActiveCounts[]>`
    SELECT
      (SELECT count(*)::int FROM "Download" WHERE state = 'queued') AS queued,
      (SELECT count(*)::int FROM "Download" WHERE state = 'resolving') AS resolving,
      (SELECT count(*)::int FROM "Download" WHERE state = 'downloading') AS downloading`;
  return row ?? { queued: 0, resolving: 0, downloading: 0 };
}
