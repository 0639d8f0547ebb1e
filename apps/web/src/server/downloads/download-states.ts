import type { DownloadState } from '@tiksavr/db';

/** States the worker is (or will be) working on: these can be canceled. */
export const ACTIVE_STATES = [
  'queued',
  'resolving',
  'downloading',
] as const satisfies readonly DownloadState[];

/** Terminal states that trying again can change: these can be retried. */
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
