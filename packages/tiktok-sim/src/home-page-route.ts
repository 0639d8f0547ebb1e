import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml } from './http-responses.ts';
import { buildPageScopes } from './page-scopes.ts';
import { renderRehydrationPage } from './rehydration-page.ts';
import { mintChainToken, setPageCookies } from './session-cookies.ts';
import type { SimContext } from './sim-context.ts';

/** `GET /`: the home page dead short links land on (`/?_r=1`); no post data. */
export function serveHomePage(ctx: SimContext, req: IncomingMessage, res: ServerResponse): void {
  ctx.stats.hit('home');
  const nowMs = ctx.clock.now();
  const html = renderRehydrationPage({
    origin: ctx.origin,
    title: 'TikTok - Make Your Day',
    description: 'TikTok - trends start here.',
    scopes: buildPageScopes({
      origin: ctx.origin,
      userAgent: req.headers['user-agent'] ?? '',
      nowMs,
      canonical: `${ctx.origin}/`,
    }),
  });
  setPageCookies(res, mintChainToken(), nowMs);
  sendHtml(res, 200, html);
}

/** `GET /login`: where the login wall sends clients; a sign-in page with no post data. */
export function serveLoginPage(ctx: SimContext, res: ServerResponse): void {
  ctx.stats.hit('login');
  sendHtml(
    res,
    200,
    '<!doctype html><html lang="en"><head><meta charset="UTF-8"/><title>Log in | TikTok</title></head>' +
      '<body><div id="app"><h1>Log in to TikTok</h1><p>Manage your account, check notifications, comment on videos, and more.</p></div></body></html>\n',
  );
}
