import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveControl } from './control-route.ts';
import { serveHomePage, serveLoginPage } from './home-page-route.ts';
import { sendAccessDenied, sendHtml, sendNotFound } from './http-responses.ts';
import { serveObjectMedia, serveVideoMedia } from './media-routes.ts';
import { servePhotoPage } from './photo-page-route.ts';
import { servePostList } from './post-list-route.ts';
import { serveProfilePage } from './profile-page-route.ts';
import { requestKindOf } from './request-log.ts';
import { serveShortLink } from './short-link-route.ts';
import type { SimContext } from './sim-context.ts';
import type { TikTokSim } from './sim-types.ts';
import { serveStoryList } from './story-list-route.ts';
import { serveVideoPage } from './video-page-route.ts';

/**
 * Maps a request to its endpoint (tiktok-upstream.md §7, S1–S7, the post list, plus `/__sim/`)
 * and logs every non-control request (request-log.ts).
 */
const SHORT_LINK = /^\/(?:vm|vt|t)\/([A-Za-z0-9]{4,16})\/?$/;
const VIDEO_PAGE = /^\/@([^/]*)\/video\/(\d{1,21})\/?$/;
const PHOTO_PAGE = /^\/@([^/]*)\/photo\/(\d{1,21})\/?$/;
const PROFILE_PAGE = /^\/@([^/]+)\/?$/;

function handleFrom(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function dispatch(ctx: SimContext, sim: TikTokSim, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', ctx.origin);
  const path = url.pathname;
  if (path.startsWith('/__sim/')) return serveControl(ctx, sim, req, res, url);
  const logged = ctx.requestLog.record({
    at: Date.now(),
    simAt: ctx.clock.now(),
    method: req.method ?? 'GET',
    path: `${path}${url.search}`,
    kind: requestKindOf(path, SHORT_LINK.test(path)),
  });
  const settle = () => {
    logged.status = res.headersSent ? res.statusCode : null;
  };
  res.once('finish', settle);
  res.once('close', settle);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendHtml(res, 405, '<!doctype html><title>405</title>Method Not Allowed\n', {
      Allow: 'GET, HEAD',
    });
  }

  let match = SHORT_LINK.exec(path);
  if (match) return serveShortLink(ctx, res, match[1] as string);
  match = VIDEO_PAGE.exec(path);
  if (match) return serveVideoPage(ctx, req, res, handleFrom(match[1] as string), match[2] as string);
  match = PHOTO_PAGE.exec(path);
  if (match) return servePhotoPage(ctx, req, res, handleFrom(match[1] as string), match[2] as string);
  match = PROFILE_PAGE.exec(path);
  if (match) return serveProfilePage(ctx, req, res, handleFrom(match[1] as string));
  if (path === '/api/story/item_list/' || path === '/api/story/item_list') {
    return serveStoryList(ctx, req, res, url.searchParams);
  }
  if (path === '/api/creator/item_list/' || path === '/api/creator/item_list') {
    return servePostList(ctx, req, res, url.searchParams);
  }
  if (path.startsWith('/cdn/video/')) return serveVideoMedia(ctx, req, res, url);
  if (path.startsWith('/cdn/obj/')) return serveObjectMedia(ctx, req, res, url);
  if (path.startsWith('/aweme/v1/play')) {
    // The www-host play URLs at the end of real UrlLists break for downloaders (§3).
    ctx.stats.hit('media_video');
    return sendAccessDenied(res);
  }
  if (path === '/') return serveHomePage(ctx, req, res);
  if (path === '/login') return serveLoginPage(ctx, res);
  ctx.stats.hit('not_found');
  sendNotFound(res);
}

export function createSimRouter(ctx: SimContext, sim: TikTokSim) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    dispatch(ctx, sim, req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        sendHtml(res, 500, '<!doctype html><title>500</title>Internal Server Error\n');
      } else {
        res.destroy();
      }
      console.error('tiktok-sim: request failed', error);
    });
  };
}
