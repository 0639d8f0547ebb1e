import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookieHeader } from './cookie-header.ts';

/**
 * The cookies a page response sets (tiktok-upstream.md §2B). `tt_chain_token` is fresh on
 * every page and is the one the CDN checks: video URLs on that page are signed for it.
 * Real pages scope it to `Domain=.tiktok.com`; the sim's origin is loopback, so its cookies
 * are host-only (no Domain) and not Secure (plain http).
 */
export const CHAIN_TOKEN_COOKIE = 'tt_chain_token';

export function mintChainToken(): string {
  return randomBytes(16).toString('base64');
}

export function setPageCookies(res: ServerResponse, chainToken: string, nowMs: number): void {
  const seconds = Math.floor(nowMs / 1000);
  res.setHeader('Set-Cookie', [
    `${CHAIN_TOKEN_COOKIE}=${chainToken}; Path=/; Max-Age=15552000; HttpOnly`,
    `ttwid=1%7C${randomBytes(32).toString('base64url')}%7C${seconds}%7C${randomBytes(32).toString('hex')}; Path=/; Max-Age=31536000; HttpOnly`,
    `tt_csrf_token=${randomBytes(18).toString('base64url')}; Path=/; SameSite=Lax`,
    `msToken=${randomBytes(96).toString('base64url')}; Path=/; Max-Age=864000`,
  ]);
}

/**
 * The JSON API signs media for the caller's `tt_chain_token` when it sends one; otherwise it
 * sets a fresh one (host-only) and signs for that.
 */
export function chainTokenOf(req: IncomingMessage, res: ServerResponse): string {
  const sent = parseCookieHeader(req.headers.cookie).get(CHAIN_TOKEN_COOKIE);
  if (sent) return sent;
  const fresh = mintChainToken();
  res.setHeader('Set-Cookie', `${CHAIN_TOKEN_COOKIE}=${fresh}; Path=/; Max-Age=15552000; HttpOnly`);
  return fresh;
}
