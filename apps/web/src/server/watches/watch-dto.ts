import { type WatchProblem, watchProblemOf } from './watch-problem.ts';

/** What a Watch looks like over the wire (dates as ISO strings). */
export type WatchDto = {
  id: string;
  stories: boolean;
  posts: boolean;
  paused: boolean;
  createdAt: string;
  creator: {
    id: string;
    handle: string;
    nickname: string | null;
    /** The app's avatar route when the worker stored the profile picture; null: show initials. */
    avatarUrl: string | null;
    profileUrl: string;
    privateAccount: boolean;
  };
  lastCheckedAt: string | null;
  /** When the creator is checked next; null while this watch is paused. */
  nextCheckAt: string | null;
  /** A check of this creator is running now. */
  checking: boolean;
  /** Items this watch turned into downloads (deleted ones included: they are not captured again). */
  itemsCaptured: number;
  problem: WatchProblem | null;
};

/** The columns a WatchDto is made of (Prisma `select`). */
export const WATCH_DTO_SELECT = {
  id: true,
  stories: true,
  posts: true,
  pausedAt: true,
  createdAt: true,
  creator: {
    select: {
      id: true,
      handle: true,
      nickname: true,
      avatarKey: true,
      privateAccount: true,
      problemCode: true,
      problemAt: true,
      consecutiveFailures: true,
      lastCheckedAt: true,
      nextCheckAt: true,
      checkingSince: true,
    },
  },
  _count: { select: { captures: true } },
} as const;

export type WatchDtoRow = {
  id: string;
  stories: boolean;
  posts: boolean;
  pausedAt: Date | null;
  createdAt: Date;
  creator: {
    id: string;
    handle: string;
    nickname: string | null;
    avatarKey: string | null;
    privateAccount: boolean;
    problemCode: string | null;
    problemAt: Date | null;
    consecutiveFailures: number;
    lastCheckedAt: Date | null;
    nextCheckAt: Date;
    checkingSince: Date | null;
  };
  _count: { captures: number };
};

/** The avatar route of a creator; the version (part of the content address) busts caches on change. */
export function avatarUrlOf(creator: { id: string; avatarKey: string | null }): string | null {
  if (!creator.avatarKey) return null;
  const version = creator.avatarKey.slice(-12);
  return `/api/avatars/${creator.id}?v=${encodeURIComponent(version)}`;
}

/** A check holding the creator longer than its job may run (creator.check expires after 10 min) is dead. */
const CHECK_HOLD_MS = 10 * 60 * 1000;

export function toWatchDto(row: WatchDtoRow, now: Date): WatchDto {
  const { creator } = row;
  return {
    id: row.id,
    stories: row.stories,
    posts: row.posts,
    paused: row.pausedAt !== null,
    createdAt: row.createdAt.toISOString(),
    creator: {
      id: creator.id,
      handle: creator.handle,
      nickname: creator.nickname,
      avatarUrl: avatarUrlOf(creator),
      profileUrl: `https://www.tiktok.com/@${creator.handle}`,
      privateAccount: creator.privateAccount,
    },
    lastCheckedAt: creator.lastCheckedAt?.toISOString() ?? null,
    nextCheckAt: row.pausedAt === null ? creator.nextCheckAt.toISOString() : null,
    checking:
      creator.checkingSince !== null && now.getTime() - creator.checkingSince.getTime() < CHECK_HOLD_MS,
    itemsCaptured: row._count.captures,
    problem: watchProblemOf(creator),
  };
}
