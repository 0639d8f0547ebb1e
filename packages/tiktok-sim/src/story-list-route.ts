import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountListStatus, apiEnvelope, apiStatus } from './api-envelope.ts';
import { sendJson } from './http-responses.ts';
import { isPublished, isStoryLive, type SimUser, type StoredItem } from './item-registry.ts';
import { buildItemStruct } from './item-struct.ts';
import { passPageGate } from './page-gate.ts';
import { chainTokenOf } from './session-cookies.ts';
import { type SimContext, signingFor } from './sim-context.ts';

/**
 * S7 `GET /api/story/item_list/?authorId&count&cursor&loadBackward`: the author's live public
 * stories (§6) as `{itemList, HasMoreAfter, MaxCursor, statusCode}`, oldest first. Live means
 * posted (createTime ≤ sim now) and less than 24 h old on the sim clock. The cursor is a
 * forward time cursor: the createTime (epoch ms) of the last story returned.
 * As on TikTok, `itemList` is absent (not empty) when there is nothing to list. A private
 * account answers 10222, a banned one 10221 (the sim's choice; unverified upstream).
 * Faults aimed at the author's id (or '*') apply: 429/503 (`on` 'page', 'api' or 'any') and
 * challenge_once with `on: 'api'` or 'any'.
 *
 * duplicate_story_page (target '*' or the author id): the first device_id that asks keeps
 * getting the first page with HasMoreAfter:true; another device_id gets normal pages.
 */
const DEFAULT_COUNT = 5;
const MAX_COUNT = 50;

function liveStoriesOf(user: SimUser, ctx: SimContext, nowMs: number): StoredItem[] {
  return ctx.registry
    .itemsOf(user)
    .filter(
      (i) => i.data.story && i.data.visibility === 'public' && isPublished(i, nowMs) && isStoryLive(i, nowMs),
    )
    .sort((a, b) => a.createTimeMs - b.createTimeMs || (BigInt(a.data.id) < BigInt(b.data.id) ? -1 : 1));
}

export function serveStoryList(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
) {
  ctx.stats.hit('story_list');
  const authorId = query.get('authorId') ?? '';
  const user = ctx.registry.userById(authorId);
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
    sendJson(res, 200, { ...envelope, HasMoreAfter: false, HasMoreBefore: false, ...hidden });
    return;
  }
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

  const stories = user ? liveStoriesOf(user, ctx, nowMs) : [];
  const after = backward
    ? stories.filter((s) => cursor === 0 || s.createTimeMs < cursor).reverse()
    : stories.filter((s) => s.createTimeMs > cursor);
  const page = after.slice(0, count);
  const chainToken = page.length > 0 ? chainTokenOf(req, res) : '';
  const itemList = page.map((s) => buildItemStruct(signingFor(ctx, s, chainToken, 'api'), s));
  const last = page.at(-1);
  sendJson(res, 200, {
    ...envelope,
    HasMoreAfter: forceMore || after.length > page.length,
    HasMoreBefore: false,
    MaxCursor: last ? last.createTimeMs : cursor,
    MinCursor: page[0] ? page[0].createTimeMs : cursor,
    ...(itemList.length > 0 ? { itemList } : {}),
    ...apiStatus(0),
  });
}
