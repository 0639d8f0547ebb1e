import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml } from './http-responses.ts';
import { itemPageStatus } from './item-page-status.ts';
import { buildItemStruct } from './item-struct.ts';
import { passPageGate } from './page-gate.ts';
import { buildPageScopes } from './page-scopes.ts';
import { renderRehydrationPage } from './rehydration-page.ts';
import { mintChainToken, setPageCookies } from './session-cookies.ts';
import { type SimContext, signingFor } from './sim-context.ts';

/**
 * S2 `GET /@ANY/video/ID`: the post page with `webapp.video-detail` (the handle in the path
 * is ignored, as on TikTok). Photo posts are served here too, with `imagePost`.
 */
export function serveVideoPage(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  handle: string,
  itemId: string,
): void {
  ctx.stats.hit('video_page');
  const item = ctx.registry.get(itemId);
  if (item) ctx.stats.item(itemId).pageGets += 1;
  if (!passPageGate(ctx, req, res, itemId)) return;

  const nowMs = ctx.clock.now();
  const status = itemPageStatus(item, nowMs);
  const chainToken = mintChainToken();
  const shown = status.withItem ? item : undefined;
  const videoDetail = {
    itemInfo: shown ? { itemStruct: buildItemStruct(signingFor(ctx, shown, chainToken, 'page'), shown) } : {},
    shareMeta: shown ? { title: `${shown.user.nickname} on TikTok`, desc: shown.data.caption } : {},
    statusCode: status.statusCode,
    statusMsg: status.statusMsg,
  };
  const canonicalHandle = item?.user.uniqueId ?? handle;
  const html = renderRehydrationPage({
    origin: ctx.origin,
    title: 'TikTok - Make Your Day',
    description: shown?.data.caption ?? '',
    scopes: buildPageScopes({
      origin: ctx.origin,
      userAgent: req.headers['user-agent'] ?? '',
      nowMs,
      canonical: `${ctx.origin}/@${canonicalHandle}/video/${itemId}`,
      pageScopes: { 'webapp.video-detail': videoDetail },
    }),
  });
  setPageCookies(res, chainToken, nowMs);
  sendHtml(res, 200, html);
}
