import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml } from './http-responses.ts';
import { passPageGate } from './page-gate.ts';
import { buildPageScopes } from './page-scopes.ts';
import { renderRehydrationPage } from './rehydration-page.ts';
import { mintChainToken, setPageCookies } from './session-cookies.ts';
import type { SimContext } from './sim-context.ts';

/**
 * S3 `GET /@ANY/photo/ID`: a page with no `webapp.video-detail`, only `seo.abtest.canonical`
 * pointing at the `/video/` URL, which is where the item JSON lives (§1, GDL).
 */
export function servePhotoPage(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  handle: string,
  itemId: string,
): void {
  ctx.stats.hit('photo_page');
  const item = ctx.registry.get(itemId);
  if (item) ctx.stats.item(itemId).pageGets += 1;
  if (!passPageGate(ctx, req, res, itemId)) return;

  const nowMs = ctx.clock.now();
  const html = renderRehydrationPage({
    origin: ctx.origin,
    title: 'TikTok - Make Your Day',
    description: '',
    scopes: buildPageScopes({
      origin: ctx.origin,
      userAgent: req.headers['user-agent'] ?? '',
      nowMs,
      canonical: `${ctx.origin}/@${item?.user.uniqueId ?? handle}/video/${itemId}`,
    }),
  });
  setPageCookies(res, mintChainToken(), nowMs);
  sendHtml(res, 200, html);
}
