import type { Db } from '@tiksavr/db';
import type { ACTIVE_STATES } from '../downloads/download-states.ts';

export const TERMINAL_STATES = ['done', 'failed', 'expired', 'canceled'] as const;

export type StateCounts = {
  /** Queued, resolving and downloading Downloads: all of them, however old. */
  active: Record<(typeof ACTIVE_STATES)[number], number>;
  /** Downloads that reached each end state since `since`. */
  finished: Record<(typeof TERMINAL_STATES)[number], number>;
  since: Date;
};

/**
 * Downloads per state. Work in progress is counted whole (it is small: what the workers have not
 * finished); end states are counted over a recent window only, so the cost does not grow with the
 * history. Each count is one range of an index ((state, createdAt) or (state, finishedAt)), never a
 * scan of the table.
 */
export async function countStates(db: Db, since: Date): Promise<StateCounts> {
  const rows = await db.$queryRaw<{ state: string; n: number }[]>`
    SELECT s.state::text AS state,
      (SELECT count(*)::int FROM "Download" d WHERE d.state = s.state) AS n
    FROM unnest(ARRAY['queued', 'resolving', 'downloading']::"DownloadState"[]) AS s(state)
    UNION ALL
    SELECT s.state::text AS state,
      (SELECT count(*)::int FROM "Download" d WHERE d.state = s.state AND d."finishedAt" >= ${since}) AS n
    FROM unnest(ARRAY['done', 'failed', 'expired', 'canceled']::"DownloadState"[]) AS s(state)`;
  const count = (state: string) => rows.find((row) => row.state === state)?.n ?? 0;
  return {
    active: { queued: count('queued'), resolving: count('resolving'), downloading: count('downloading') },
    finished: {
      done: count('done'),
      failed: count('failed'),
      expired: count('expired'),
      canceled: count('canceled'),
    },
    since,
  };
}
