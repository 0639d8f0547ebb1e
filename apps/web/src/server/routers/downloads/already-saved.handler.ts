import type { DownloadState } from '@tiksavr/db';
import type { UserContext } from '../../trpc.ts';
import type { AlreadySavedQuery } from './already-saved.schema.ts';

export type AlreadySaved = {
  /** The link as it is in the paste box. */
  input: string;
  downloadId: string;
  /** The saved copy's link (the post's own once resolved): searching history for it finds the copy. */
  canonicalUrl: string;
  state: Extract<DownloadState, 'done' | 'queued' | 'resolving' | 'downloading'>;
  /** When it was saved (done), or pasted (still on its way). ISO 8601. */
  at: string;
};

const KEPT_STATES = ['done', 'queued', 'resolving', 'downloading'] as const;
/** A person's copies of one post are few; this bounds the rows read for 50 links. */
const MAX_ROWS = 500;

/**
 * Which links in the paste box the user already has: a saved copy (newest first), else one still on
 * its way. A post is recognised by its TikTok id (once resolved, any link to it), a link not yet
 * resolved by its canonical URL or the text pasted. Failed, expired and canceled tries do not count:
 * saving again is what the person wants there.
 */
export async function findAlreadySaved(ctx: UserContext, input: AlreadySavedQuery): Promise<AlreadySaved[]> {
  if (input.links.length === 0) return [];
  const itemIds = input.links.flatMap((link) => (link.itemId ? [link.itemId] : []));
  const urls = input.links.map((link) => link.canonicalUrl);
  const inputs = input.links.map((link) => link.input);
  const rows = await ctx.db.download.findMany({
    where: {
      userId: ctx.user.id,
      state: { in: [...KEPT_STATES] },
      OR: [{ itemId: { in: itemIds } }, { canonicalUrl: { in: urls } }, { inputUrl: { in: inputs } }],
    },
    select: {
      id: true,
      itemId: true,
      canonicalUrl: true,
      inputUrl: true,
      state: true,
      createdAt: true,
      finishedAt: true,
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_ROWS,
  });
  return input.links.flatMap((link) => {
    const matches = rows.filter(
      (row) =>
        (link.itemId !== undefined && row.itemId === link.itemId) ||
        row.canonicalUrl === link.canonicalUrl ||
        row.inputUrl === link.input,
    );
    const best = matches.find((row) => row.state === 'done') ?? matches[0];
    if (!best) return [];
    return [
      {
        input: link.input,
        downloadId: best.id,
        canonicalUrl: best.canonicalUrl,
        state: best.state as AlreadySaved['state'],
        at: (best.state === 'done' ? (best.finishedAt ?? best.createdAt) : best.createdAt).toISOString(),
      },
    ];
  });
}
