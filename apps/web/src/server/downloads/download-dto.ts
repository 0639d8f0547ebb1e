import { ERRORS, isErrorCode } from '@tiksavr/core';
import type { DownloadState, ItemKind } from '@tiksavr/db';
import { userRetryVerdict } from './user-retry-verdict.ts';

/**
 * What a Download looks like over the wire: dates as ISO strings and byte counts as numbers
 * (a file's size fits in 2^53; BigInt does not survive JSON).
 */
export type DownloadDto = {
  id: string;
  inputUrl: string;
  canonicalUrl: string;
  itemId: string | null;
  kind: ItemKind | null;
  state: DownloadState;
  failureCode: string | null;
  failureMessage: string | null;
  /** Set when the failure is one a screen recording can work around. */
  advice: 'screen_recording' | null;
  /** Whether its owner's Retry can help (see user-retry-verdict.ts); the UI offers Retry only then. */
  canRetry: boolean;
  author: string | null;
  caption: string | null;
  storyDeadline: string | null;
  bytesDone: number;
  bytesTotal: number | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** The columns a DownloadDto is made of (Prisma `select`); nothing else leaves the server. */
export const DOWNLOAD_DTO_SELECT = {
  id: true,
  inputUrl: true,
  canonicalUrl: true,
  itemId: true,
  kind: true,
  state: true,
  failureCode: true,
  failureMessage: true,
  author: true,
  caption: true,
  storyDeadline: true,
  bytesDone: true,
  bytesTotal: true,
  attempts: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export type DownloadDtoRow = {
  id: string;
  inputUrl: string;
  canonicalUrl: string;
  itemId: string | null;
  kind: ItemKind | null;
  state: DownloadState;
  failureCode: string | null;
  failureMessage: string | null;
  author: string | null;
  caption: string | null;
  storyDeadline: Date | null;
  bytesDone: bigint | number;
  bytesTotal: bigint | number | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export function adviceForFailure(failureCode: string | null): 'screen_recording' | null {
  if (!isErrorCode(failureCode)) return null;
  const spec = ERRORS[failureCode];
  return 'advice' in spec && spec.advice === 'screen_recording' ? 'screen_recording' : null;
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

export function toDownloadDto(row: DownloadDtoRow): DownloadDto {
  const knownCode = isErrorCode(row.failureCode) ? row.failureCode : null;
  return {
    id: row.id,
    inputUrl: row.inputUrl,
    canonicalUrl: row.canonicalUrl,
    itemId: row.itemId,
    kind: row.kind,
    state: row.state,
    failureCode: row.failureCode,
    // The worker stores the plain message; older rows (or bare codes) fall back to the error table.
    failureMessage: row.failureMessage ?? (knownCode ? ERRORS[knownCode].user : null),
    advice: adviceForFailure(row.failureCode),
    canRetry: userRetryVerdict(row, new Date()) === 'allowed',
    author: row.author,
    caption: row.caption,
    storyDeadline: iso(row.storyDeadline),
    bytesDone: Number(row.bytesDone),
    bytesTotal: row.bytesTotal === null ? null : Number(row.bytesTotal),
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}
