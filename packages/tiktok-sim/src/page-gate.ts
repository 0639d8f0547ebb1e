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
 *
 * `target` is what faults are looked up by (an item id, a creator's id; '*' faults always
 * apply). `statsItemId` is the item whose challenge counters move (none for profiles and lists).
 * For the JSON API (`where: 'api'`) there is no login wall, and a challenge applies only when its
 * `on` is 'api' or 'any'.
 */
export function passPageGate(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: string | undefined,
  where: 'page' | 'api' = 'page',
  statsItemId: string | undefined = where === 'page' ? target : undefined,
): boolean {
  const itemId = statsItemId;
  if (answerStatusFault(ctx, res, target, where)) return false;

  const loginWall = where === 'page' ? ctx.faults.find(target, 'login_wall') : undefined;
  if (loginWall) {
    ctx.faults.use(loginWall);
    const asked = new URL(req.url ?? '/', ctx.origin).toString();
    const location = `${ctx.origin}/login?redirect_url=${encodeURIComponent(asked)}&lang=en&enter_method=mandatory`;
    res.writeHead(302, { Location: location, 'Content-Length': '0', 'Cache-Control': 'no-store' });
    res.end();
    return false;
  }

  const challenge = ctx.faults.find(target, 'challenge_once', (fault) => {
    const on = fault.on ?? 'page';
    return on === 'any' || on === where;
  });
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
