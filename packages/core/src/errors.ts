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
    advice: 'screen_recording',
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
    user: 'This account is private, so its posts have no public copy to save. A screen recording always works.',
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
    user: 'This story is more than 24 hours old, so it has expired. After that nobody but the creator can get it.',
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
