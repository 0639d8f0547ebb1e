import type { Db } from '@tiksavr/db';

export type StoryDeadlineShare = {
  /** Stories saved before their deadline. */
  captured: number;
  /** Stories that ended (done, failed or expired) since the window start; canceled ones are left out. */
  ended: number;
  /** captured / ended, or null when no story ended. */
  share: number | null;
};

/**
 * The share of stories captured in time, over the stories that ended since `since`. A story counts
 * as captured when it is done and finished no later than its deadline.
 */
export async function loadStoryDeadlineShare(db: Db, since: Date): Promise<StoryDeadlineShare> {
  const [row] = await db.$queryRaw<{ captured: number; ended: number }[]>`
    SELECT
      count(*) FILTER (WHERE state = 'done' AND "finishedAt" <= coalesce("storyDeadline", 'infinity'))::int AS captured,
      count(*)::int AS ended
    FROM "Download"
    WHERE state IN ('done', 'failed', 'expired') AND "finishedAt" >= ${since} AND kind = 'story'`;
  const captured = row?.captured ?? 0;
  const ended = row?.ended ?? 0;
  return { captured, ended, share: ended === 0 ? null : captured / ended };
}
