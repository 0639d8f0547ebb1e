import type { Db } from '@tiksavr/db';
import type { PrecheckResult } from '../../lib/precheck.ts';

/** A story lives 24 hours, so only the person's downloads of the last day can still be running stories. */
const LOOK_BACK_MS = 25 * 60 * 60 * 1000;

export type PrecheckWithStory = PrecheckResult & {
  /** The story's deadline (ISO), when one of the person's own downloads already identified this link as a story. */
  storyDeadline?: string;
};

/**
 * The precheck's links with the deadline of every one already known to be a story: the same
 * short link or post pasted before, or an item a watch captured, among the person's own recent
 * downloads (never someone else's: that would tell what they saved). One indexed query over the
 * person's last day of history.
 */
export async function withKnownStoryDeadlines(
  db: Db,
  userId: string,
  links: readonly PrecheckResult[],
  now: Date = new Date(),
): Promise<PrecheckWithStory[]> {
  const good = links.filter((link) => link.ok);
  if (good.length === 0) return [...links];
  const urls = [...new Set(good.flatMap((link) => [link.input, link.canonicalUrl ?? link.input]))];
  const itemIds = good.flatMap((link) => (link.id ? [link.id] : []));
  const rows = await db.download.findMany({
    where: {
      userId,
      createdAt: { gte: new Date(now.getTime() - LOOK_BACK_MS) },
      storyDeadline: { gt: now },
      OR: [{ inputUrl: { in: urls } }, { canonicalUrl: { in: urls } }, { itemId: { in: itemIds } }],
    },
    select: { inputUrl: true, canonicalUrl: true, itemId: true, storyDeadline: true },
    take: 200,
  });
  const deadlineOf = (link: PrecheckResult): Date | null => {
    const row = rows.find(
      (r) =>
        r.inputUrl === link.input ||
        r.inputUrl === link.canonicalUrl ||
        r.canonicalUrl === link.canonicalUrl ||
        (link.id !== undefined && r.itemId === link.id),
    );
    return row?.storyDeadline ?? null;
  };
  return links.map((link) => {
    const deadline = link.ok ? deadlineOf(link) : null;
    return deadline ? { ...link, storyDeadline: deadline.toISOString() } : link;
  });
}
