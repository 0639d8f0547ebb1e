import { ADVICE, ERRORS, isErrorCode } from '@tiksavr/core';
import type { DownloadOrigin, DownloadState, ItemKind } from '@tiksavr/db';
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
  /** It is (or, by its failure, was) a story: shown and worded as one even when its kind is unknown. */
  isStory: boolean;
  /** A saved story: how long before its 24 hours were up it was saved (seconds); null otherwise. */
  savedWithSpareSeconds: number | null;
  /** How it came to be: pasted, found by one of the person's watches, or sent through the API. */
  origin: DownloadOrigin;
  /** The @handle of the creator whose watch found it; null when not from a watch or the watch is gone. */
  watchCreator: string | null;
  bytesDone: number;
  bytesTotal: number | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When its owner pinned it (the auto-delete keeps it); null: not pinned. */
  pinnedAt: string | null;
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
  origin: true,
  watch: { select: { creator: { select: { handle: true } } } },
  pinnedAt: true,
} as const;

/**
 * The same two columns for raw SQL over "Download" (history's keyset query): the origin and,
 * through the watch, its creator's handle as `{ creator: { handle } }`, the shape Prisma selects.
 */
export const DOWNLOAD_DTO_WATCH_SQL = `"origin", (SELECT json_build_object('creator', json_build_object('handle', c."handle"))
    FROM "Watch" w JOIN "Creator" c ON c."id" = w."creatorId" WHERE w."id" = "Download"."watchId") AS "watch"`;

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
  origin: DownloadOrigin;
  watch: { creator: { handle: string } } | null;
  /** Absent where a query does not select it (read as not pinned). */
  pinnedAt?: Date | null;
};

/** Failure codes only a story can have: such an item is a story whatever its kind says. */
const STORY_FAILURES: ReadonlySet<string> = new Set([
  'story_expired',
  'story_removed',
  'story_followers_only',
]);

/** A story that failed as private has no public page because it is for followers only (story-policy.ts rule 3). */
function isFollowersOnlyStory(row: Pick<DownloadDtoRow, 'failureCode' | 'kind'>): boolean {
  return (
    row.failureCode === 'story_followers_only' || (row.failureCode === 'private_post' && row.kind === 'story')
  );
}

/** The words for a followers-only story: the error table's when it has the code, else core's advice text. */
function followersOnlyStoryMessage(): string {
  const code = 'story_followers_only';
  return isErrorCode(code) ? ERRORS[code].user : ADVICE.followers_only.explanation;
}

function failureMessageOf(row: DownloadDtoRow): string | null {
  if (isFollowersOnlyStory(row)) return followersOnlyStoryMessage();
  // The worker stores the plain message; older rows (or bare codes) fall back to the error table.
  const knownCode = isErrorCode(row.failureCode) ? row.failureCode : null;
  return row.failureMessage ?? (knownCode ? ERRORS[knownCode].user : null);
}

function savedWithSpareSeconds(row: DownloadDtoRow, isStory: boolean): number | null {
  if (!isStory || row.state !== 'done' || !row.storyDeadline || !row.finishedAt) return null;
  return Math.max(0, Math.floor((row.storyDeadline.getTime() - row.finishedAt.getTime()) / 1000));
}

export function adviceForFailure(failureCode: string | null): 'screen_recording' | null {
  if (!isErrorCode(failureCode)) return null;
  const spec = ERRORS[failureCode];
  return 'advice' in spec && spec.advice === 'screen_recording' ? 'screen_recording' : null;
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

export function toDownloadDto(row: DownloadDtoRow): DownloadDto {
  // Only a story has a deadline; a short link may carry one before its kind is written.
  const isStory =
    row.kind === 'story' ||
    row.storyDeadline !== null ||
    (row.failureCode !== null && STORY_FAILURES.has(row.failureCode));
  return {
    id: row.id,
    inputUrl: row.inputUrl,
    canonicalUrl: row.canonicalUrl,
    itemId: row.itemId,
    kind: row.kind,
    state: row.state,
    failureCode: row.failureCode,
    failureMessage: failureMessageOf(row),
    // From the error table's advice field only: no advice where nobody can get the post any more.
    advice: adviceForFailure(isFollowersOnlyStory(row) ? 'private_post' : row.failureCode),
    canRetry: userRetryVerdict(row, new Date()) === 'allowed',
    author: row.author,
    caption: row.caption,
    storyDeadline: iso(row.storyDeadline),
    isStory,
    savedWithSpareSeconds: savedWithSpareSeconds(row, isStory),
    origin: row.origin,
    watchCreator: row.watch?.creator.handle ?? null,
    bytesDone: Number(row.bytesDone),
    bytesTotal: row.bytesTotal === null ? null : Number(row.bytesTotal),
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    pinnedAt: iso(row.pinnedAt ?? null),
  };
}
