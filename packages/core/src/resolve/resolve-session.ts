import { CookieJar } from 'tough-cookie';
import { DESKTOP_USER_AGENT } from './browser-headers.ts';
import type { BeforeRequest, HttpReply } from './http-get.ts';
import type { PushbackListener } from './pushback.ts';
import { createUpstream, type Upstream } from './upstream.ts';

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
  /** Told when TikTok pushes back (429, challenge, login wall); see pushback.ts. */
  readonly onPushback?: PushbackListener | undefined;
  readonly beforeRequest?: BeforeRequest | undefined;
};

/** What a caller may set when it starts talking to TikTok; everything has a default. */
export type ResolveSessionOptions = {
  readonly fetch?: typeof globalThis.fetch;
  /** Serve every TikTok host from this origin (a local simulator, e.g. `http://127.0.0.1:4000`). */
  readonly origin?: string;
  readonly userAgent?: string;
  /** Per HTTP request (default 15 s). */
  readonly timeoutMs?: number;
  /** Largest page body accepted (default 8 MiB; real pages are 0.5–1 MB). */
  readonly maxPageBytes?: number;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
  readonly onPushback?: PushbackListener;
  /**
   * Awaited before every request to TikTok, outside that request's timeout: the worker's
   * politeness budget waits here (a long wait for a slot is not a slow TikTok).
   */
  readonly beforeRequest?: BeforeRequest;
};

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_PAGE_BYTES = 8 * 1024 * 1024;

/** A fresh session (new cookie jar) with the defaults filled in. */
export function newResolveSession(options: ResolveSessionOptions = {}): ResolveSession {
  return {
    fetch: options.fetch ?? globalThis.fetch,
    upstream: createUpstream(options.origin),
    jar: newCookieJar(),
    userAgent: options.userAgent ?? DESKTOP_USER_AGENT,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxPageBytes: options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES,
    signal: options.signal,
    now: options.now ?? (() => new Date()),
    onPushback: options.onPushback,
    beforeRequest: options.beforeRequest,
  };
}

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
