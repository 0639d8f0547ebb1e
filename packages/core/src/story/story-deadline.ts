import { itemIdToDate } from '../url/id-time.ts';

/**
 * A story lives 24 hours from its creation (TikTok product behaviour; the studied tools do not
 * state it, see story-policy.ts). Deadlines are known before a download starts, so the worker
 * can schedule by them: the less time a story has left, the sooner it runs.
 */
export const STORY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function storyDeadline(createdAt: Date): Date {
  return new Date(createdAt.getTime() + STORY_LIFETIME_MS);
}

/**
 * The deadline from the item id alone (`id >> 32` is the creation second, 1–11 s before TikTok's
 * `createTime`, so this deadline is at most seconds early). Null for ids that carry no plausible time.
 */
export function storyDeadlineFromItemId(itemId: string, now: Date = new Date()): Date | null {
  const createdAt = itemIdToDate(itemId, now);
  return createdAt === null ? null : storyDeadline(createdAt);
}

/** Milliseconds until the deadline; 0 once it has passed. */
export function storyTimeLeft(deadline: Date, now: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}

/** Expired at the deadline itself, not a millisecond later. */
export function isStoryExpired(deadline: Date, now: Date): boolean {
  return now.getTime() >= deadline.getTime();
}
