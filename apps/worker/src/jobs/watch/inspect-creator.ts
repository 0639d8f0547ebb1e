import { AppError, type CreatorProfile, creatorHandleKey, type ListedStory } from '@tiksavr/core';
import type { Creator, Prisma } from '@tiksavr/db';
import { toAppError } from '../download/to-app-error.ts';
import { captureItems, type FoundItem } from './capture-items.ts';
import type { ActiveWatch, CreatorTicket } from './claim-creator.ts';
import type { CreatorSession } from './creator-session.ts';
import { mergeCreatorInto } from './merge-creator.ts';
import { storeAvatar } from './store-avatar.ts';
import type { WatchDeps } from './watch-deps.ts';

/** The profile (id, secUid, avatar, private flag) is read again at least this often. */
const PROFILE_REFRESH_SECONDS = 24 * 3600;

/** What a check learned about the creator so far, written when it ends, however it ends. */
export type Learned = Prisma.CreatorUpdateManyMutationInput;

/** The creator turned out to be another row's account and was merged into it: this check ends. */
export class MergedAway extends Error {}

export type Inspection = {
  readonly creator: Creator;
  readonly ticket: CreatorTicket;
  readonly watches: readonly ActiveWatch[];
  readonly session: CreatorSession;
  readonly learned: Learned;
  readonly signal: AbortSignal;
};

export type InspectionResult = {
  /** Downloads created (watchers × new items). */
  readonly captured: number;
  /**
   * A problem that did not stop the check: the handle is not the account's any more (renamed,
   * new handle not found), yet its lists still answer by the account's ids, so its stories are
   * still captured and it is checked at its usual interval.
   */
  readonly problem: AppError | null;
};

type Identity = { tiktokId: string | null; secUid: string | null; handle: string };

/**
 * The upstream part of a check: the profile when needed, then the story list and/or the post list
 * as the active watches want, each find turned into downloads at once (stories first: they are
 * the ones with a deadline). Throws the first problem that stops it (what it found before stays).
 */
export async function inspectCreator(deps: WatchDeps, inspection: Inspection): Promise<InspectionResult> {
  const { creator, watches, session } = inspection;
  const wantsStories = watches.some((watch) => watch.stories);
  const wantsPosts = watches.some((watch) => watch.posts);
  let identity: Identity = { tiktokId: creator.tiktokId, secUid: creator.secUid, handle: creator.handle };
  let problem: AppError | null = null;
  let profileRead = false;

  const readProfile = async () => {
    profileRead = true;
    try {
      identity = await applyProfile(deps, inspection, await session.profile(identity.handle));
    } catch (error) {
      if (error instanceof MergedAway || toAppError(error).code !== 'account_not_found') throw error;
      if (identity.tiktokId === null) throw error;
      // The handle is gone or someone else's, but the account's ids still work for its lists.
      const followed = await followRename(deps, inspection, identity);
      if (followed === null) problem = toAppError(error);
      else identity = followed;
    }
  };
  const now = deps.now();
  const profileDue =
    creator.tiktokId === null ||
    (wantsPosts && creator.secUid === null) ||
    creator.lastProfileAt === null ||
    creator.lastProfileAt.getTime() < now.getTime() - PROFILE_REFRESH_SECONDS * 1000;
  if (profileDue) await readProfile();

  let captured = 0;
  if (wantsStories && identity.tiktokId !== null) {
    let stories: ListedStory[];
    try {
      stories = await session.stories(identity.tiktokId);
    } catch (error) {
      // The list does not know the account: it may have changed; read the profile once and try again.
      if (profileRead || toAppError(error).code !== 'account_not_found') throw error;
      await readProfile();
      if (problem !== null) throw problem;
      if (identity.tiktokId === null) throw error;
      stories = await session.stories(identity.tiktokId);
    }
    const at = deps.now();
    const live: FoundItem[] = stories
      .filter((story) => story.deadline > at)
      .map((story) => ({ id: story.id, kind: story.kind, story: true, deadline: story.deadline }));
    captured += await captureItems(
      deps,
      identity.handle,
      watches
        .filter((watch) => watch.stories)
        .map((watch) => ({ watchId: watch.id, userId: watch.userId, items: live })),
    );
  }

  if (wantsPosts && identity.secUid !== null) {
    captured += await capturePosts(deps, inspection, identity as Identity & { secUid: string });
  }
  return { captured, problem };
}

/** New posts, for each posts-watch only those made after the person began watching. */
async function capturePosts(
  deps: WatchDeps,
  { creator, watches, session, learned }: Inspection,
  identity: Identity & { secUid: string },
): Promise<number> {
  const postWatches = watches.filter((watch) => watch.posts);
  const oldestWatch = Math.min(...postWatches.map((watch) => watch.createdAt.getTime()));
  // Never page further back than the newest post already seen, nor than the oldest watch.
  const since = new Date(Math.max(oldestWatch, creator.postsSeenUntil?.getTime() ?? 0));
  const posts = await session.posts(identity.secUid, since);
  const newest = Math.max(
    creator.postsSeenUntil?.getTime() ?? 0,
    ...posts.map((post) => post.createTime.getTime()),
  );
  if (newest > 0) learned.postsSeenUntil = new Date(newest);
  return captureItems(
    deps,
    identity.handle,
    postWatches.map((watch) => ({
      watchId: watch.id,
      userId: watch.userId,
      items: posts
        .filter((post) => post.createTime > watch.createdAt)
        .map((post) => ({ id: post.id, kind: post.kind, story: false, deadline: null })),
    })),
  );
}

/**
 * A renamed account keeps its ids: its post list (by secUid) names the handle it has now. When
 * that handle's profile has the same account id, the creator follows it. Costs one or two
 * requests, only when the old handle stopped working; null when the new handle is not found
 * (no posts, or the account is gone).
 */
async function followRename(
  deps: WatchDeps,
  inspection: Inspection,
  identity: Identity,
): Promise<Identity | null> {
  if (identity.secUid === null || identity.tiktokId === null) return null;
  try {
    const posts = await inspection.session.posts(identity.secUid, new Date(0), 1);
    const renamed = posts.find(
      (post) =>
        post.authorHandle !== '' && creatorHandleKey(post.authorHandle) !== creatorHandleKey(identity.handle),
    );
    if (renamed === undefined) return null;
    const profile = await inspection.session.profile(renamed.authorHandle);
    if (profile.tiktokId !== identity.tiktokId) return null;
    deps.log.info(
      { from: identity.handle, to: profile.handle },
      'watched creator renamed: following the new handle',
    );
    return await applyProfile(deps, inspection, profile);
  } catch (error) {
    if (inspection.signal.aborted || error instanceof MergedAway) throw error;
    if (toAppError(error).code !== 'account_not_found') throw error;
    return null;
  }
}

/**
 * Takes in a profile read: the ids, handle, nickname, private flag and avatar. A handle that now
 * belongs to another account (TikTok id changed) is the old account renamed or gone, never a
 * reason to save someone else's stories. An id another Creator row already has merges the two.
 */
async function applyProfile(
  deps: WatchDeps,
  { creator, ticket, learned, signal }: Inspection,
  profile: CreatorProfile,
): Promise<{ tiktokId: string; secUid: string; handle: string }> {
  if (creator.tiktokId !== null && creator.tiktokId !== profile.tiktokId) {
    throw new AppError('account_not_found', `@${profile.handle} now belongs to another account`, {
      detail: { why: 'renamed' },
    });
  }
  if (creator.tiktokId === null) {
    const twin = await deps.db.creator.findUnique({
      where: { tiktokId: profile.tiktokId },
      select: { id: true },
    });
    if (twin !== null && twin.id !== creator.id) {
      await mergeCreatorInto(deps.db, creator.id, twin.id, deps.now());
      throw new MergedAway(twin.id);
    }
  }
  Object.assign(learned, {
    tiktokId: profile.tiktokId,
    secUid: profile.secUid,
    handle: profile.handle,
    handleKey: creatorHandleKey(profile.handle),
    nickname: profile.nickname,
    privateAccount: profile.privateAccount,
    lastProfileAt: deps.now(),
  } satisfies Learned);
  if (profile.avatarUrl !== null) {
    const avatarKey = await storeAvatar(deps, profile.avatarUrl, signal);
    if (avatarKey !== null) learned.avatarKey = avatarKey;
  }
  // Written now, so the watchlist shows who it is even if a list request fails next.
  await deps.db.creator.updateMany({
    where: { id: ticket.creatorId, checkingSince: ticket.claimedAt },
    data: learned,
  });
  if (profile.privateAccount) {
    throw new AppError('private_account', `@${profile.handle} is private`);
  }
  return { tiktokId: profile.tiktokId, secUid: profile.secUid, handle: profile.handle };
}
