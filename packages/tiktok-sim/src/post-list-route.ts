import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountListStatus, apiEnvelope, apiStatus } from './api-envelope.ts';
import { sendJson } from './http-responses.ts';
import { isPublished, type SimUser, type StoredItem } from './item-registry.ts';
import { buildItemStruct } from './item-struct.ts';
import { passPageGate } from './page-gate.ts';
import { chainTokenOf } from './session-cookies.ts';
import { type SimContext, signingFor } from './sim-context.ts';
import type { SimVisibility } from './sim-types.ts';

/**
 * `GET /api/creator/item_list/?secUid&type=1&count=15&cursor=<ms>`: an account's posts, newest
 * first, created before the cursor (epoch ms; 0 or none means now), as yt-dlp and gallery-dl
 * page it: `{ itemList, hasMorePrevious, hasMoreLatest, cursor }`. The next page's cursor is the
 * last item's `createTime * 1000`; the sim keeps an account's posts in distinct seconds, so
 * nothing is skipped. Pinned posts (`isPinnedItem: true`) head the first page only.
 * Listed: posted (createTime ≤ sim now), not stories, public or age-restricted. A private
 * account answers 10222, a banned one 10221, an unknown secUid an empty list (sim choices).
 * Faults aimed at the account's id (or '*') apply as on the story list.
 */
const DEFAULT_COUNT = 15;
const MAX_COUNT = 35;
const LISTED: readonly SimVisibility[] = ['public', 'age_restricted'];

function newestFirst(a: StoredItem, b: StoredItem): number {
  return b.createTimeMs - a.createTimeMs || (BigInt(a.data.id) < BigInt(b.data.id) ? 1 : -1);
}

function postsOf(ctx: SimContext, user: SimUser, nowMs: number): StoredItem[] {
  return ctx.registry
    .itemsOf(user)
    .filter((i) => !i.data.story && LISTED.includes(i.data.visibility) && isPublished(i, nowMs))
    .sort(newestFirst);
}

export function servePostList(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
) {
  ctx.stats.hit('post_list');
  const user = ctx.registry.userBySecUid(query.get('secUid') ?? '');
  if (!passPageGate(ctx, req, res, user?.id, 'api')) return;

  const nowMs = ctx.clock.now();
  const envelope = apiEnvelope(nowMs);
  const count = query.has('count') ? Number(query.get('count')) : DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    sendJson(res, 200, { ...envelope, ...apiStatus(10201, 'invalid parameters') });
    return;
  }
  const hidden = user ? accountListStatus(user) : null;
  if (hidden) {
    sendJson(res, 200, { ...envelope, hasMorePrevious: false, hasMoreLatest: false, ...hidden });
    return;
  }
  const asked = Number(query.get('cursor') ?? 0);
  const cursor = Number.isFinite(asked) && asked > 0 ? asked : nowMs;

  const all = user ? postsOf(ctx, user, nowMs) : [];
  const timeline = all.filter((i) => !i.data.pinned);
  const older = timeline.filter((i) => i.data.createTimeSeconds * 1000 < cursor);
  const firstPage = older.length === timeline.length;
  const page = [...(firstPage ? all.filter((i) => i.data.pinned) : []), ...older.slice(0, count)];
  const chainToken = page.length > 0 ? chainTokenOf(req, res) : '';
  const itemList = page.map((item) => ({
    ...buildItemStruct(signingFor(ctx, item, chainToken, 'api'), item),
    isPinnedItem: item.data.pinned,
  }));
  const last = older.slice(0, count).at(-1);
  sendJson(res, 200, {
    ...envelope,
    ...(itemList.length > 0 ? { itemList } : {}),
    cursor: String(last ? last.data.createTimeSeconds * 1000 : cursor),
    hasMorePrevious: older.length > count,
    hasMoreLatest: !firstPage,
    ...apiStatus(0),
  });
}
