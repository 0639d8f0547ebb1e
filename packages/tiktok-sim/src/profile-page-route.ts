import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml } from './http-responses.ts';
import { isPublished, isStoryLive } from './item-registry.ts';
import { buildAuthor } from './item-struct.ts';
import { passPageGate } from './page-gate.ts';
import { buildPageScopes } from './page-scopes.ts';
import { renderRehydrationPage } from './rehydration-page.ts';
import { mintChainToken, setPageCookies } from './session-cookies.ts';
import type { SimContext } from './sim-context.ts';

/**
 * S4 `GET /@USER`: the profile page with `webapp.user-detail` (§2B, §6 step 1). A banned account
 * answers 10221 "user banned" (a real 2026 capture shows this status); a handle nobody has (also
 * the old handle of a renamed account) 10202 "user not exist", so tests can tell the two apart
 * (the sim's choice: the same capture had 10221 for a handle that never existed); a private
 * account 10222 with its user info and a non-zero videoCount (the case GDL calls a false alarm).
 * Faults aimed at the account's id (or '*') apply, as on post pages.
 */
export function serveProfilePage(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  handle: string,
): void {
  ctx.stats.hit('profile_page');
  const user = ctx.registry.userByHandle(handle);
  if (!passPageGate(ctx, req, res, user?.id, 'page', undefined)) return;

  const nowMs = ctx.clock.now();
  const chainToken = mintChainToken();
  let userDetail: Record<string, unknown>;
  if (!user) {
    userDetail = {
      userInfo: {},
      shareMeta: {},
      statusCode: 10202,
      statusMsg: 'user not exist',
      needFix: true,
    };
  } else if (user.banned) {
    userDetail = { userInfo: {}, shareMeta: {}, statusCode: 10221, statusMsg: 'user banned', needFix: true };
  } else {
    const items = ctx.registry.itemsOf(user).filter((i) => isPublished(i, nowMs));
    const posts = items.filter((i) => !i.data.story && i.data.visibility !== 'deleted');
    const liveStories = items.filter(
      (i) => i.data.story && i.data.visibility === 'public' && isStoryLive(i, nowMs),
    );
    const signing = { origin: ctx.origin, signer: ctx.signer, nowMs, ttlSeconds: ctx.mediaTtlSeconds };
    const stats = {
      followerCount: 1200 + posts.length * 37,
      followingCount: 42,
      heart: 9800 + posts.length * 311,
      heartCount: 9800 + posts.length * 311,
      videoCount: posts.length,
      diggCount: 0,
      friendCount: 7,
    };
    userDetail = {
      userInfo: {
        user: { ...buildAuthor(signing, user), UserStoryStatus: liveStories.length > 0 ? 1 : 0 },
        stats,
        statsV2: Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, String(v)])),
        itemList: [],
      },
      shareMeta: { title: `${user.nickname} (@${user.uniqueId}) | TikTok`, desc: `@${user.uniqueId}` },
      statusCode: user.privateAccount ? 10222 : 0,
      statusMsg: '',
      needFix: true,
    };
  }
  const html = renderRehydrationPage({
    origin: ctx.origin,
    title: user && !user.banned ? `${user.nickname} (@${user.uniqueId}) | TikTok` : 'TikTok - Make Your Day',
    description: '',
    scopes: buildPageScopes({
      origin: ctx.origin,
      userAgent: req.headers['user-agent'] ?? '',
      nowMs,
      canonical: `${ctx.origin}/@${user?.uniqueId ?? handle}`,
      pageScopes: { 'webapp.user-detail': userDetail },
    }),
  });
  setPageCookies(res, chainToken, nowMs);
  sendHtml(res, 200, html);
}
