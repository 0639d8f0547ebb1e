import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookieHeader } from './cookie-header.ts';
import { sendHtml } from './http-responses.ts';
import type { SimContext } from './sim-context.ts';
import { answerStatusFault } from './status-faults.ts';
import { WAF_COOKIE_NAME } from './waf-challenge.ts';

/**
 * What stands between a client and a page: 429/503 faults, the login wall (302 to /login,
 * §2B) and the WAF challenge (§5). Returns true when the page may be served.
 *
 * challenge_once: every GET without a correct answer gets the challenge page; the first GET
 * with a correctly solved `_wafchallengeid` cookie gets the real page and uses the fault up.
 */
export function passPageGate(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  itemId: string | undefined,
): boolean {
  if (answerStatusFault(ctx, res, itemId, 'page')) return false;

  const loginWall = ctx.faults.find(itemId, 'login_wall');
  if (loginWall) {
    ctx.faults.use(loginWall);
    const target = new URL(req.url ?? '/', ctx.origin).toString();
    const location = `${ctx.origin}/login?redirect_url=${encodeURIComponent(target)}&lang=en&enter_method=mandatory`;
    res.writeHead(302, { Location: location, 'Content-Length': '0', 'Cache-Control': 'no-store' });
    res.end();
    return false;
  }

  const challenge = ctx.faults.find(itemId, 'challenge_once');
  if (challenge) {
    const answer = parseCookieHeader(req.headers.cookie).get(WAF_COOKIE_NAME);
    if (ctx.waf.acceptAnswer(answer)) {
      ctx.faults.use(challenge);
      if (itemId) ctx.stats.item(itemId).challengesSolved += 1;
      return true;
    }
    if (itemId) ctx.stats.item(itemId).challengesServed += 1;
    sendHtml(res, 200, ctx.waf.issue().html);
    return false;
  }
  return true;
}
