import { CookieJar } from 'tough-cookie';
import type { HttpReply } from './http-get.ts';
import type { Upstream } from './upstream.ts';

/**
 * What one `resolve()` call carries from request to request. The cookie jar is new for every
 * call (cobalt's per-request jar, tiktok-upstream.md §2B): the media URLs of a page are bound to
 * the `tt_chain_token` that page set, so cookies never leak between resolutions.
 */
export type ResolveSession = {
  readonly fetch: typeof globalThis.fetch;
  readonly upstream: Upstream;
  readonly jar: CookieJar;
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxPageBytes: number;
  readonly signal: AbortSignal | undefined;
  readonly now: () => Date;
};

export function newCookieJar(): CookieJar {
  return new CookieJar();
}

/** Stores the `Set-Cookie` headers of a reply; malformed cookies are ignored, as browsers do. */
export function keepCookies(session: ResolveSession, reply: HttpReply): void {
  for (const header of reply.headers.getSetCookie()) {
    session.jar.setCookieSync(header, reply.url, { ignoreError: true });
  }
}

export function cookieHeaderFor(session: ResolveSession, url: URL): string {
  return session.jar.getCookieStringSync(url);
}
