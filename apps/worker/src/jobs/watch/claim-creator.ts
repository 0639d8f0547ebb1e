import type { JobPayload } from '@tiksavr/core';
import type { Creator, Db, Prisma } from '@tiksavr/db';

export type CheckReason = JobPayload<'creator.check'>['reason'];

/**
 * A check refreshes its claim this often; a claim not refreshed for CLAIM_STALE_SECONDS belongs
 * to a worker that died and may be taken over.
 */
export const CLAIM_REFRESH_SECONDS = 20;
export const CLAIM_STALE_SECONDS = 90;
/** "Check now" and a new watch may not check a creator checked less than this ago (it cannot be abused). */
export const MIN_REQUESTED_GAP_SECONDS = 60;
/** A scheduled job may start this much before the creator's due time (clock differences, jitter). */
const DUE_SLACK_SECONDS = 5;

/** The right to check one creator: fenced on the claim time, like a Download on its jobId. */
export type CreatorTicket = { readonly creatorId: string; claimedAt: Date };

/** A watch the check works for: not paused, wanting stories or posts. */
export type ActiveWatch = {
  readonly id: string;
  readonly userId: string;
  readonly stories: boolean;
  readonly posts: boolean;
  readonly intervalSeconds: number | null;
  readonly createdAt: Date;
};

export type CreatorClaim =
  | {
      readonly kind: 'run';
      readonly ticket: CreatorTicket;
      readonly creator: Creator;
      readonly watches: readonly ActiveWatch[];
    }
  | {
      readonly kind: 'skip';
      readonly reason: 'gone' | 'being_checked' | 'not_due' | 'too_soon';
      /** For a `too_soon` request: when the creator will be checked instead. */
      readonly checkAt?: Date;
    };

type ClaimedRow = Creator & { watches: (Omit<ActiveWatch, 'createdAt'> & { createdAt: string })[] };

/**
 * Takes a creator for one check, in one conditional UPDATE, so two workers (in any process)
 * never check the same creator at once: not while another fresh claim holds it; a scheduled job
 * only when the creator is due (a job left over from before the last check finds it not due); a
 * requested one ("check now", new watch) only when the last check is at least a minute old.
 * The same statement reads the active watches (one round trip: a check is mostly waiting, but
 * with 10,000 watches its database trips are most of the worker's CPU).
 * A request that comes too soon moves the next check forward to the earliest allowed time.
 */
export async function claimCreator(
  db: Db,
  creatorId: string,
  reason: CheckReason,
  now: Date,
): Promise<CreatorClaim> {
  const staleBefore = new Date(now.getTime() - CLAIM_STALE_SECONDS * 1000);
  const gapBefore = new Date(now.getTime() - MIN_REQUESTED_GAP_SECONDS * 1000);
  const dueBy = new Date(now.getTime() + DUE_SLACK_SECONDS * 1000);
  const scheduled = reason === 'scheduled';
  const rows = await db.$queryRaw<ClaimedRow[]>`
    WITH claimed AS (
      UPDATE "Creator" SET "checkingSince" = ${now}
      WHERE id = ${creatorId}::uuid
        AND ("checkingSince" IS NULL OR "checkingSince" < ${staleBefore})
        AND CASE WHEN ${scheduled} THEN "nextCheckAt" <= ${dueBy}
                 ELSE ("lastCheckedAt" IS NULL OR "lastCheckedAt" < ${gapBefore}) END
      RETURNING *
    )
    SELECT claimed.*, COALESCE((
      SELECT json_agg(json_build_object('id', w.id, 'userId', w."userId", 'stories', w.stories, 'posts', w.posts,
                                        'intervalSeconds', w."intervalSeconds", 'createdAt', w."createdAt"))
      FROM "Watch" w
      WHERE w."creatorId" = claimed.id AND w."pausedAt" IS NULL AND (w.stories OR w.posts)
    ), '[]'::json) AS watches
    FROM claimed`;
  const claimed = rows[0];
  if (claimed !== undefined) {
    const { watches, ...creator } = claimed;
    return {
      kind: 'run',
      ticket: { creatorId, claimedAt: now },
      creator,
      // json_build_object writes timestamp(3) without a zone: it is UTC, as Prisma stores it.
      watches: watches.map((watch) => ({ ...watch, createdAt: new Date(`${watch.createdAt}Z`) })),
    };
  }
  return whyNotClaimed(db, creatorId, reason, now, staleBefore);
}

async function whyNotClaimed(
  db: Db,
  creatorId: string,
  reason: CheckReason,
  now: Date,
  staleBefore: Date,
): Promise<CreatorClaim> {
  const creator = await db.creator.findUnique({ where: { id: creatorId } });
  if (creator === null) return { kind: 'skip', reason: 'gone' };
  if (creator.checkingSince !== null && creator.checkingSince >= staleBefore) {
    return { kind: 'skip', reason: 'being_checked' };
  }
  if (reason === 'scheduled') return { kind: 'skip', reason: 'not_due' };
  const checkAt = new Date((creator.lastCheckedAt ?? now).getTime() + MIN_REQUESTED_GAP_SECONDS * 1000);
  if (checkAt < creator.nextCheckAt) {
    await db.creator.updateMany({
      where: { id: creatorId, nextCheckAt: { gt: checkAt } },
      data: { nextCheckAt: checkAt },
    });
  }
  return {
    kind: 'skip',
    reason: 'too_soon',
    checkAt: checkAt < creator.nextCheckAt ? checkAt : creator.nextCheckAt,
  };
}

/**
 * Keeps a running check's claim fresh. Returns false when the claim was lost (taken over after
 * it went stale, e.g. the event loop was blocked for a long time): the check must stop.
 */
export async function refreshClaim(db: Db, ticket: CreatorTicket, now: Date): Promise<boolean> {
  const { count } = await db.creator.updateMany({
    where: { id: ticket.creatorId, checkingSince: ticket.claimedAt },
    data: { checkingSince: now },
  });
  if (count === 1) ticket.claimedAt = now;
  return count === 1;
}

/**
 * Ends a check: writes what it learned and gives the creator up, only while this check still
 * holds it. Returns false when the claim was lost.
 */
export async function releaseCreator(
  db: Db | Prisma.TransactionClient,
  ticket: CreatorTicket,
  data: Omit<Prisma.CreatorUpdateManyMutationInput, 'checkingSince'>,
): Promise<boolean> {
  const { count } = await db.creator.updateMany({
    where: { id: ticket.creatorId, checkingSince: ticket.claimedAt },
    data: { ...data, checkingSince: null },
  });
  return count === 1;
}
