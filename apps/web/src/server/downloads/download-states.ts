import type { DownloadState } from '@tiksavr/db';

/** States the worker is (or will be) working on: these can be canceled. */
export const ACTIVE_STATES = [
  'queued',
  'resolving',
  'downloading',
] as const satisfies readonly DownloadState[];

/**
 * Terminal states a retry starts over: an admin may retry any row in them. A person's own retry
 * is narrower (user-retry-verdict.ts): not an expired story, nor a failure the post itself caused.
 */
export const RETRYABLE_STATES = ['failed', 'expired', 'canceled'] as const satisfies readonly DownloadState[];

export const DOWNLOAD_STATES = [
  'queued',
  'resolving',
  'downloading',
  'done',
  'failed',
  'expired',
  'canceled',
] as const satisfies readonly DownloadState[];

export const ITEM_KINDS = ['video', 'photo', 'story'] as const;
