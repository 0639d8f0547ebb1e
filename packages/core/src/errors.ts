/**
 * The one error model of TikSavr. Every failure the product can report has a stable code
 * here, a flag saying whether trying again can help, and the plain message a person sees.
 * `advice: 'screen_recording'` means: show the screen-recording steps (see advice.ts).
 * Web maps codes to tRPC/HTTP errors, the worker decides retries from `retry`, and the
 * Download row stores the code so history shows the same words.
 */
export type ErrorSpec = {
  /** Trying again later can succeed (network, 5xx, 429, challenge, expired media URL). */
  readonly retry: boolean;
  /** What the person sees. Plain, friendly, exact. */
  readonly user: string;
  /** Which kind of tRPC error this is when it reaches the API boundary. */
  readonly trpc:
    | 'BAD_REQUEST'
    | 'UNAUTHORIZED'
    | 'NOT_FOUND'
    | 'FORBIDDEN'
    | 'TOO_MANY_REQUESTS'
    | 'INTERNAL_SERVER_ERROR'
    | 'CONFLICT';
  /** Whether to show the screen-recording alternative. */
  readonly advice?: 'screen_recording';
};

export const ERRORS = {
  invalid_link: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: "That doesn't look like a link to one TikTok post. Open the post in TikTok, tap Share → Copy link, and paste it here.",
  },
  deleted: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: 'This post was deleted, or the link is wrong. Nobody but the creator can get it now.',
  },
  not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "TikTok says this post doesn't exist. Check that the link is complete.",
  },
  private_post: {
    retry: false,
    trpc: 'FORBIDDEN',
    user: 'This post is private or for followers only, so it has no public copy to save. A screen recording always works.',
    advice: 'screen_recording',
  },
  private_account: {
    retry: false,
    trpc: 'FORBIDDEN',
    user: 'This account is private, so its posts have no public copy to save. If you follow this account, a screen recording keeps it.',
    advice: 'screen_recording',
  },
  account_not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "This TikTok account doesn't exist any more.",
  },
  region_locked: {
    retry: false,
    trpc: 'FORBIDDEN',
    user: "TikTok doesn't show this post in the region this server is in. A screen recording from your phone still works.",
    advice: 'screen_recording',
  },
  age_restricted: {
    retry: false,
    trpc: 'FORBIDDEN',
    user: 'TikTok only shows this post to signed-in adults. TikSavr never signs in to TikTok, so a screen recording is the way to keep it.',
    advice: 'screen_recording',
  },
  story_expired: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: 'This story has expired (stories last 24 hours). After that nobody but the creator can get it.',
  },
  story_removed: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: 'The creator took this story down before its 24 hours were up, so nobody but the creator can get it now.',
  },
  gone: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: 'TikTok says this is gone. If it was a story, it has expired (stories last 24 hours); if it was a post, it was deleted or the link is wrong.',
  },
  story_followers_only: {
    retry: false,
    trpc: 'FORBIDDEN',
    user: 'The creator shared this story with their followers only, so it has no public link to save. If you follow the creator and can watch it in TikTok, a screen recording keeps it.',
    advice: 'screen_recording',
  },
  share_disabled: {
    retry: false,
    trpc: 'FORBIDDEN',
    user: 'The creator turned off sharing for this post, so it has no public link to save. A screen recording always works.',
    advice: 'screen_recording',
  },
  login_required: {
    retry: true,
    trpc: 'FORBIDDEN',
    user: 'TikTok asked this server to log in before showing the post. TikSavr never logs in to TikTok; it will try again later.',
  },
  challenge: {
    retry: true,
    trpc: 'TOO_MANY_REQUESTS',
    user: 'TikTok asked for a verification check. TikSavr will try again in a moment.',
  },
  rate_limited: {
    retry: true,
    trpc: 'TOO_MANY_REQUESTS',
    user: 'TikTok is limiting requests right now. TikSavr will try again shortly.',
  },
  network: {
    retry: true,
    trpc: 'INTERNAL_SERVER_ERROR',
    user: "Couldn't reach TikTok. TikSavr will try again shortly.",
  },
  upstream_error: {
    retry: true,
    trpc: 'INTERNAL_SERVER_ERROR',
    user: 'TikTok had a problem answering. TikSavr will try again shortly.',
  },
  media_expired: {
    retry: true,
    trpc: 'INTERNAL_SERVER_ERROR',
    user: "TikTok's download link ran out before the file finished. TikSavr will fetch a fresh one.",
  },
  media_forbidden: {
    retry: true,
    trpc: 'FORBIDDEN',
    user: 'TikTok refused to send the file. TikSavr will try again with a fresh link.',
  },
  short_link_dead: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "This short link doesn't lead to a post any more. It may have expired or been mistyped.",
  },
  blocked_redirect: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: 'This link leads away from TikTok, so TikSavr will not follow it.',
  },
  media_host_refused: {
    retry: false,
    trpc: 'INTERNAL_SERVER_ERROR',
    user: "TikTok named a file on a server that isn't TikTok's, so TikSavr didn't fetch it. A screen recording always works.",
    advice: 'screen_recording',
  },
  no_media: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: 'TikTok sent this post without any file TikSavr can play. A screen recording always works.',
    advice: 'screen_recording',
  },
  too_large: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: 'This file is larger than this TikSavr server allows.',
  },
  unknown_status: {
    retry: false,
    trpc: 'INTERNAL_SERVER_ERROR',
    user: "TikTok says this post isn't available, without saying why.",
  },
  canceled: {
    retry: false,
    trpc: 'CONFLICT',
    user: 'You canceled this download.',
  },
  download_not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "This download isn't in your history. It may have been deleted.",
  },
  download_state_conflict: {
    retry: false,
    trpc: 'CONFLICT',
    user: "This download can't do that in its current state. Refresh to see where it is now.",
  },
  retry_not_possible: {
    retry: false,
    trpc: 'CONFLICT',
    user: "Trying again won't help with this one: what stopped it stays the same on every try.",
  },
  too_many_links: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: 'TikSavr takes at most 50 links at a time. Paste the rest in a second batch.',
  },
  user_not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "This account doesn't exist any more. Refresh the list.",
  },
  admin_self_change: {
    retry: false,
    trpc: 'CONFLICT',
    user: "You can't take away your own admin role or disable your own account. Ask another admin.",
  },
  invalid_creator: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: "That doesn't look like a TikTok account. Paste a profile link (tiktok.com/@name) or type @name.",
  },
  watch_not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "You aren't watching this creator any more. Refresh the list.",
  },
  too_many_watches: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: 'You are watching as many creators as this TikSavr server allows. Remove one to watch another.',
  },
  check_too_soon: {
    retry: false,
    trpc: 'TOO_MANY_REQUESTS',
    user: 'This creator was checked a moment ago. TikSavr asks TikTok sparingly, so try again in a minute.',
  },
  api_token_missing: {
    retry: false,
    trpc: 'UNAUTHORIZED',
    user: 'Send your API token in the Authorization header, as "Bearer tks_…". You can make one in TikSavr under Settings → API tokens.',
  },
  api_token_invalid: {
    retry: false,
    trpc: 'UNAUTHORIZED',
    user: "This API token isn't one this TikSavr server knows. Check that it was copied whole, or make a new one under Settings → API tokens.",
  },
  api_token_expired: {
    retry: false,
    trpc: 'UNAUTHORIZED',
    user: 'This API token has expired. Make a new one under Settings → API tokens.',
  },
  api_token_revoked: {
    retry: false,
    trpc: 'UNAUTHORIZED',
    user: 'This API token was revoked, so it no longer works. Make a new one under Settings → API tokens.',
  },
  api_token_not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "This API token doesn't exist any more. Refresh the list.",
  },
  too_many_api_tokens: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: 'You have as many API tokens as TikSavr allows. Revoke one you no longer use to make another.',
  },
  account_disabled: {
    retry: false,
    trpc: 'FORBIDDEN',
    user: 'This account is disabled on this TikSavr server. Ask its admin if you think this is a mistake.',
  },
  api_rate_limited: {
    retry: true,
    trpc: 'TOO_MANY_REQUESTS',
    user: 'Too many requests with this API token in one minute. Wait the seconds that Retry-After names, then try again.',
  },
  invalid_request: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: "This request isn't in the form TikSavr's API expects. The API page (/api-docs) shows every field.",
  },
  api_not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "TikSavr's API has no such address. The API page (/api-docs) lists every one.",
  },
  file_not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "This file isn't in your history. It may have been deleted.",
  },
  /** The file store (e.g. an S3 bucket) did not answer or refused a write; the bytes received are kept. */
  storage_unavailable: {
    retry: true,
    trpc: 'INTERNAL_SERVER_ERROR',
    user: "TikSavr couldn't reach its file store just now. It will try again shortly.",
  },
  webhook_url_invalid: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: "That isn't an address TikSavr can send to. Use a whole http:// or https:// address, like https://example.com/tiksavr-hook, without a user name or password in it.",
  },
  webhook_target_refused: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: "TikSavr doesn't send webhooks to addresses inside its own network (like 127.0.0.1, 192.168.x.x or 169.254.169.254), so a link can't be used to reach this server's neighbours. Use an address on the internet, or ask the admin to allow private addresses.",
  },
  webhook_host_unknown: {
    retry: true,
    trpc: 'BAD_REQUEST',
    user: "TikSavr couldn't find the server in that address (its name doesn't resolve). Check the spelling, or try again in a minute.",
  },
  webhook_not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "You haven't set up a webhook yet. Add its address first.",
  },
  notify_unreachable: {
    retry: true,
    trpc: 'INTERNAL_SERVER_ERROR',
    user: "TikSavr couldn't reach that address: the connection failed or no answer came in time. It will try again.",
  },
  notify_receiver_error: {
    retry: true,
    trpc: 'INTERNAL_SERVER_ERROR',
    user: 'The receiving server had a problem or asked TikSavr to wait. TikSavr will try again.',
  },
  notify_rejected: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: 'The receiving server refused the message, so trying again would not help. Check the address and what the server expects.',
  },
  notify_redirect_refused: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: "The address answered with a redirect that TikSavr doesn't follow for a POST. Put the address it moved to in Settings.",
  },
  push_not_configured: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: "Push notifications aren't set up on this TikSavr server: it has no VAPID keys. Ask its admin to set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY.",
  },
  push_subscription_invalid: {
    retry: false,
    trpc: 'BAD_REQUEST',
    user: "This browser sent a push subscription TikSavr can't use. Try again, or use another browser.",
  },
  push_subscription_not_found: {
    retry: false,
    trpc: 'NOT_FOUND',
    user: "This device isn't in your list any more. Refresh the list.",
  },
  /** The person's item limit (admin default or their own); the worker and submit give the numbers. */
  quota_items_exceeded: {
    retry: false,
    trpc: 'FORBIDDEN',
    user: 'You have as many items as this TikSavr server allows you. Delete items you no longer need (pinned ones stay until you unpin them), or ask the admin for a higher limit.',
  },
  /** The person's storage limit; the worker and submit give the numbers. */
  quota_bytes_exceeded: {
    retry: false,
    trpc: 'FORBIDDEN',
    user: 'This would take you past the storage this TikSavr server allows you. Delete items you no longer need (pinned ones stay until you unpin them), or ask the admin for more room.',
  },
  /** A file arrived while TikSavr was removing the very same file (nobody else used it any more). */
  storage_conflict: {
    retry: true,
    trpc: 'CONFLICT',
    user: 'TikSavr was clearing away this very file as it arrived, so it will fetch it again in a moment.',
  },
  internal: {
    retry: false,
    trpc: 'INTERNAL_SERVER_ERROR',
    user: 'Something went wrong on this TikSavr server. The error was logged.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}

export type AppErrorOptions = { cause?: unknown; detail?: Record<string, unknown> };

/** The only error class core and the apps throw on purpose. `message` is for logs; `userMessage` for people. */
export class AppError extends Error {
  override readonly name = 'AppError' as const;
  readonly code: ErrorCode;
  readonly detail: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? code, { cause: options.cause });
    this.code = code;
    this.detail = options.detail ?? {};
  }

  get retryable(): boolean {
    return ERRORS[this.code].retry;
  }

  get userMessage(): string {
    return ERRORS[this.code].user;
  }
}

/** Name-based check, so it works across duplicated bundles where `instanceof` fails. */
export function isAppError(error: unknown): error is AppError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AppError' &&
    isErrorCode((error as { code?: unknown }).code)
  );
}
