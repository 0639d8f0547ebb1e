import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookieHeader } from './cookie-header.ts';
import { sendAccessDenied, sendNotFound } from './http-responses.ts';
import { readObjectPath, readVideoPath } from './media-urls.ts';
import { type MediaAccounting, sendMedia } from './send-media.ts';
import { CHAIN_TOKEN_COOKIE } from './session-cookies.ts';
import type { SimContext } from './sim-context.ts';
import type { SimMediaRole } from './sim-types.ts';
import { answerStatusFault } from './status-faults.ts';
import { sameSignature } from './url-signer.ts';

/**
 * S5 and S6: the CDN. Video URLs need a valid signature, an unexpired `expire`, the
 * `tt_chain_token` cookie they were signed for and, if the sim requires it, a Referer from
 * TikTok; image and audio URLs need `x-signature` and an unexpired `x-expires` (§2C, §7).
 * Refusals are 403 "Access Denied".
 */
const MEDIA_ROLES: readonly string[] = [
  'video',
  'video_h264_low',
  'video_hevc',
  'video_bytevc2',
  'video_watermarked',
  'image',
  'image_webp',
  'audio',
  'cover',
];

function refererAllowed(ctx: SimContext, req: IncomingMessage): boolean {
  const referer = req.headers.referer;
  return (
    referer !== undefined &&
    (referer.startsWith(`${ctx.origin}/`) || referer.startsWith('https://www.tiktok.com/'))
  );
}

function notExpired(ctx: SimContext, expiresSeconds: string | null): boolean {
  if (expiresSeconds === null || !/^\d{1,12}$/.test(expiresSeconds)) return false;
  return ctx.clock.now() < Number(expiresSeconds) * 1000;
}

function accountFor(ctx: SimContext, itemId: string, role: string, index: number): MediaAccounting {
  const item = ctx.stats.item(itemId);
  item.mediaRequests += 1;
  const entry = ctx.stats.media(itemId, `${role}#${index}`);
  entry.requests += 1;
  return { itemId, entry };
}

function deny(ctx: SimContext, res: ServerResponse, itemId: string | undefined): void {
  if (itemId !== undefined) ctx.stats.item(itemId).mediaDenied += 1;
  sendAccessDenied(res);
}

export async function serveVideoMedia(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  ctx.stats.hit('media_video');
  const parts = readVideoPath(url.pathname);
  const item = parts ? ctx.registry.get(parts.itemId) : undefined;
  const role = parts?.role as SimMediaRole | undefined;
  const isVideoRole = role?.startsWith('video') === true && MEDIA_ROLES.includes(role);
  const source = item && role && isVideoRole ? ctx.media.source(item, role, 0) : undefined;
  if (!parts || !item || !role || !source) return sendNotFound(res);
  const itemId = item.data.id;
  const accounting = accountFor(ctx, itemId, role, 0);

  if (answerStatusFault(ctx, res, itemId, 'media')) return;
  const forbidden = ctx.faults.find(itemId, 'media_forbidden');
  if (forbidden) {
    ctx.faults.use(forbidden);
    return deny(ctx, res, itemId);
  }
  const token = parseCookieHeader(req.headers.cookie).get(CHAIN_TOKEN_COOKIE);
  const expire = url.searchParams.get('expire');
  const signed =
    token !== undefined &&
    expire !== null &&
    sameSignature(ctx.signer.videoSignature(url.pathname, expire, token), url.searchParams.get('signature'));
  if (!signed || !notExpired(ctx, expire) || (ctx.requireReferer && !refererAllowed(ctx, req))) {
    return deny(ctx, res, itemId);
  }
  // `/media-video-hvc1/` paths are dead on real pages (yt-dlp#16622); media_404 kills all HEVC.
  if (parts.hvc1Path) return sendNotFound(res);
  const hevcGone = role === 'video_hevc' ? ctx.faults.find(itemId, 'media_404') : undefined;
  if (hevcGone) {
    ctx.faults.use(hevcGone);
    return sendNotFound(res);
  }
  await sendMedia(ctx, req, res, source, accounting);
}

export async function serveObjectMedia(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const parts = readObjectPath(url.pathname);
  ctx.stats.hit(parts?.role === 'audio' ? 'media_audio' : 'media_image');
  if (!parts) return sendNotFound(res);
  const expires = url.searchParams.get('x-expires');
  const signed =
    expires !== null &&
    sameSignature(ctx.signer.objectSignature(url.pathname, expires), url.searchParams.get('x-signature')) &&
    notExpired(ctx, expires);

  if (parts.role === 'avatar') {
    if (!signed) return deny(ctx, res, undefined);
    return sendMedia(ctx, req, res, ctx.media.avatar(), undefined);
  }
  const item = ctx.registry.get(parts.ownerId);
  const role = parts.role as SimMediaRole;
  const source = item && MEDIA_ROLES.includes(role) ? ctx.media.source(item, role, parts.index) : undefined;
  if (!item || !source) return sendNotFound(res);
  const itemId = item.data.id;
  const accounting = accountFor(ctx, itemId, role, parts.index);

  if (answerStatusFault(ctx, res, itemId, 'media')) return;
  const forbidden = ctx.faults.find(itemId, 'media_forbidden');
  if (forbidden) {
    ctx.faults.use(forbidden);
    return deny(ctx, res, itemId);
  }
  if (!signed) return deny(ctx, res, itemId);
  await sendMedia(ctx, req, res, source, accounting);
}
