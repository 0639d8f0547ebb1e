import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookieHeader } from './cookie-header.ts';
import { sendJson } from './http-responses.ts';
import { isStoryLive, type StoredItem } from './item-registry.ts';
import { buildItemStruct } from './item-struct.ts';
import { CHAIN_TOKEN_COOKIE, mintChainToken } from './session-cookies.ts';
import { type SimContext, signingFor } from './sim-context.ts';
import { answerStatusFault } from './status-faults.ts';
import { mintLogId } from './tiktok-ids.ts';

/**
 * S7 `GET /api/story/item_list/?authorId&count&cursor&loadBackward`: the author's live public
 * stories (§6) as `{itemList, HasMoreAfter, MaxCursor, statusCode}`, oldest first. The cursor
 * is a forward time cursor: the createTime (epoch ms) of the last story returned.
 * As on TikTok, `itemList` is absent (not empty) when there is nothing to list.
 *
 * duplicate_story_page (target '*' or the author id): the first device_id that asks keeps
 * getting the first page with HasMoreAfter:true; another device_id gets normal pages.
 */
const DEFAULT_COUNT = 5;
const MAX_COUNT = 50;

function liveStoriesOf(ctx: SimContext, authorId: string, nowMs: number): StoredItem[] {
  const user = ctx.registry.userById(authorId);
  if (!user || user.privateAccount) return [];
  return ctx.registry
    .itemsOf(user)
    .filter((i) => i.data.story && i.data.visibility === 'public' && isStoryLive(i, nowMs))
    .sort((a, b) => a.createTimeMs - b.createTimeMs || (BigInt(a.data.id) < BigInt(b.data.id) ? -1 : 1));
}

function chainTokenFor(req: IncomingMessage, res: ServerResponse): string {
  const sent = parseCookieHeader(req.headers.cookie).get(CHAIN_TOKEN_COOKIE);
  if (sent) return sent;
  const fresh = mintChainToken();
  res.setHeader('Set-Cookie', `${CHAIN_TOKEN_COOKIE}=${fresh}; Path=/; Max-Age=15552000; HttpOnly`);
  return fresh;
}

export function serveStoryList(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
) {
  ctx.stats.hit('story_list');
  if (answerStatusFault(ctx, res, undefined, 'page')) return;

  const nowMs = ctx.clock.now();
  const logId = mintLogId(nowMs);
  const envelope = { extra: { fatal_item_ids: [], logid: logId, now: nowMs }, log_pb: { impr_id: logId } };
  const count = query.has('count') ? Number(query.get('count')) : DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    sendJson(res, 200, {
      ...envelope,
      statusCode: 10201,
      status_code: 10201,
      status_msg: 'invalid parameters',
    });
    return;
  }
  const authorId = query.get('authorId') ?? '';
  const backward = query.get('loadBackward') === 'true';
  let cursor = Number(query.get('cursor') ?? 0);
  if (!Number.isFinite(cursor) || cursor < 0) cursor = 0;

  let forceMore = false;
  const duplicate = ctx.faults.find(authorId, 'duplicate_story_page');
  if (duplicate) {
    const device = query.get('device_id') ?? '';
    const stuck = ctx.stuckStoryDevices.get(duplicate.target);
    if (stuck === undefined) ctx.stuckStoryDevices.set(duplicate.target, device);
    if (stuck === undefined || stuck === device) {
      ctx.faults.use(duplicate);
      cursor = 0;
      forceMore = true;
    }
  }

  const stories = liveStoriesOf(ctx, authorId, nowMs);
  const after = backward
    ? stories.filter((s) => cursor === 0 || s.createTimeMs < cursor).reverse()
    : stories.filter((s) => s.createTimeMs > cursor);
  const page = after.slice(0, count);
  const chainToken = page.length > 0 ? chainTokenFor(req, res) : '';
  const itemList = page.map((s) => buildItemStruct(signingFor(ctx, s, chainToken, 'api'), s));
  const last = page.at(-1);
  sendJson(res, 200, {
    ...envelope,
    HasMoreAfter: forceMore || after.length > page.length,
    HasMoreBefore: false,
    MaxCursor: last ? last.createTimeMs : cursor,
    MinCursor: page[0] ? page[0].createTimeMs : cursor,
    ...(itemList.length > 0 ? { itemList } : {}),
    statusCode: 0,
    status_code: 0,
    status_msg: '',
  });
}
