import type { BeforeRequest } from '../resolve/http-get.ts';
import type { PushbackListener } from '../resolve/pushback.ts';

/**
 * What every creator call (profile, story list, post list) accepts. As with `resolve()`, core
 * does no I/O of its own: `fetch` is injected, every TikTok host is served from `origin` when one
 * is set (the simulator), and every failure is an `AppError`.
 */
export type CreatorFetchOptions = {
  readonly fetch?: typeof globalThis.fetch;
  readonly origin?: string;
  readonly userAgent?: string;
  /** Per HTTP request (default 15 s). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** The clock the post list's first cursor is taken from (default: the system clock). */
  readonly now?: () => Date;
  /**
   * Called when TikTok pushes back: 429 (`retryAfterSeconds` from Retry-After), the WAF
   * challenge, the login wall, a list TikTok hides (10204).
   */
  readonly onPushback?: PushbackListener;
  /**
   * Awaited before every request to TikTok, outside that request's timeout: the worker's
   * politeness budget waits here (a long wait for a slot is not a slow TikTok).
   */
  readonly beforeRequest?: BeforeRequest;
};
