import { AppError, type ErrorCode } from '../errors.ts';

/** Which embedded-JSON layout a page used (tiktok-upstream.md §2B). */
export type PageLayout = 'universal' | 'sigi' | 'next';

/**
 * Why a page yielded no item. Stable strings; most equal an `ErrorCode` of the same name.
 * - `login_wall`: the page is TikTok's login page (the resolver also sees a redirect to `/login`).
 * - `no_media`: the item is there but carries no video, images or audio URL.
 * - `no_data`: no recognisable page JSON at all (junk, an unknown layout, a truncated body).
 * - `story_expired` is never produced here: a page alone cannot tell; see story-policy.ts.
 */
export const PAGE_ERROR_CODES = [
  'deleted',
  'not_found',
  'private_post',
  'private_account',
  'account_not_found',
  'region_locked',
  'age_restricted',
  'challenge',
  'login_wall',
  'unknown_status',
  'no_media',
  'no_data',
] as const;
export type PageErrorCode = (typeof PAGE_ERROR_CODES)[number];

export type PageError = {
  readonly code: PageErrorCode;
  /** `statusCode` as the page sent it; null when the page had no status (junk, challenge). */
  readonly statusCode: number | null;
  /** `statusMsg` as the page sent it; '' when absent. */
  readonly statusMsg: string;
  readonly layout: PageLayout | null;
};

const APP_ERROR_FOR_PAGE_ERROR: Readonly<Record<PageErrorCode, ErrorCode>> = {
  deleted: 'deleted',
  not_found: 'not_found',
  private_post: 'private_post',
  private_account: 'private_account',
  account_not_found: 'account_not_found',
  region_locked: 'region_locked',
  age_restricted: 'age_restricted',
  challenge: 'challenge',
  login_wall: 'login_required',
  unknown_status: 'unknown_status',
  no_media: 'no_media',
  // An unreadable page is most often a changed or truncated page: worth another try later.
  no_data: 'upstream_error',
};

/** The product error code for a page error (without story context; see story-policy.ts). */
export function errorCodeForPageError(code: PageErrorCode): ErrorCode {
  return APP_ERROR_FOR_PAGE_ERROR[code];
}

/** An `AppError` carrying the raw status in `detail`, for callers that throw. */
export function pageErrorToAppError(
  error: PageError,
  code: ErrorCode = errorCodeForPageError(error.code),
): AppError {
  const status = error.statusCode === null ? 'no status' : `status ${error.statusCode}`;
  const message = `TikTok page: ${error.code} (${status}${error.statusMsg ? `, "${error.statusMsg}"` : ''})`;
  return new AppError(code, message, {
    detail: {
      pageError: error.code,
      statusCode: error.statusCode,
      statusMsg: error.statusMsg,
      layout: error.layout,
    },
  });
}
