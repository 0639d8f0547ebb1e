import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { escapeHtml } from './rehydration-page.ts';
import type { SimContext } from './sim-context.ts';

/**
 * S1 `GET/HEAD /vm/CODE`, `/vt/CODE`, `/t/CODE`: 301 to the post (`/photo/` for photo posts,
 * as real share links do) with `_t` and `_r` in the query; an unknown code goes home (§2A).
 */
export function serveShortLink(ctx: SimContext, res: ServerResponse, code: string): void {
  ctx.stats.hit('short_link');
  ctx.stats.shortLink(code);
  const item = ctx.registry.byShortCode(code);
  const location = item
    ? `${ctx.origin}/@${item.user.uniqueId}/${item.data.kind}/${item.data.id}?_t=ZT${randomBytes(8).toString('base64url')}&_r=1`
    : `${ctx.origin}/?_r=1`;
  const body = Buffer.from(`<a href="${escapeHtml(location)}">Moved Permanently</a>.\n\n`);
  res.writeHead(301, {
    Location: location,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
  });
  res.end(body);
}
