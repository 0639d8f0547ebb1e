import { type ErrorCode, parseJobPayload } from '@tiksavr/core';
import { toAppError } from '../download/to-app-error.ts';
import {
  type CheckReason,
  CLAIM_REFRESH_SECONDS,
  type CreatorTicket,
  claimCreator,
  refreshClaim,
  releaseCreator,
} from './claim-creator.ts';
import { creatorProblemOf } from './creator-problem.ts';
import { type CreatorSession, openCreatorSession } from './creator-session.ts';
import { inspectCreator, type Learned, MergedAway } from './inspect-creator.ts';
import { nextCheckTime, retryCheckTime } from './next-check-time.ts';
import type { WatchDeps } from './watch-deps.ts';
import { cachedWatchIntervals, creatorIntervalSeconds } from './watch-intervals.ts';
import { enqueueChecks, TICK_LOOKAHEAD_SECONDS } from './watch-tick.ts';

export type CreatorCheckJob = { readonly id: string; readonly data: unknown; readonly signal: AbortSignal };

export type CheckOutcome = {
  readonly creatorId: string;
  readonly reason: CheckReason;
  readonly result: 'checked' | 'problem' | 'skipped' | 'merged' | 'handed_back' | 'lost';
  readonly skipReason?: string;
  readonly problem?: ErrorCode;
  /** How long after the creator's due time the check started (negative: early). */
  readonly startDelayMs?: number;
  /** Requests this check sent to TikTok. */
  readonly requests: number;
  /** Downloads it created (watchers × new items). */
  readonly captured: number;
  readonly nextCheckAt?: Date;
};

/**
 * One `creator.check` job: claim the creator (never two checks of one creator at once, across
 * processes) → read the profile when needed → list its stories and/or posts as its active watches
 * want → every live story and new post becomes a Download in each watcher's history → record
 * the outcome (or the problem, in plain words, with backoff) and when the next check is due. The
 * handler never throws for TikTok's or the account's failures, so pg-boss never retries a check
 * into more requests; a stopping worker gives the creator back still due.
 */
export async function handleCreatorCheck(deps: WatchDeps, job: CreatorCheckJob): Promise<CheckOutcome> {
  const { creatorId, reason } = parseJobPayload('creator.check', job.data);
  const log = deps.log.child({ creatorId, jobId: job.id, reason });
  const startedAt = deps.now();
  const claim = await claimCreator(deps.db, creatorId, reason, startedAt);
  if (claim.kind === 'skip') {
    if (claim.checkAt !== undefined) await chainNextCheck(deps, creatorId, claim.checkAt);
    log.debug({ skip: claim.reason }, 'creator check skipped');
    return { creatorId, reason, result: 'skipped', skipReason: claim.reason, requests: 0, captured: 0 };
  }
  const { ticket, creator, watches } = claim;
  const base = { creatorId, reason, startDelayMs: startedAt.getTime() - creator.nextCheckAt.getTime() };

  const lost = new AbortController();
  const signal = AbortSignal.any([job.signal, deps.shutdownSignal, lost.signal]);
  const refresher = setInterval(() => {
    refreshClaim(deps.db, ticket, deps.now())
      .then((held) => held || lost.abort(new Error('creator claim lost')))
      .catch((error: unknown) => log.warn({ err: error }, 'could not refresh the creator claim'));
  }, CLAIM_REFRESH_SECONDS * 1000);
  refresher.unref();

  const session = openCreatorSession(deps, {
    dueAt: new Date(Math.min(creator.nextCheckAt.getTime(), startedAt.getTime())),
    label: `@${creator.handle}`,
    signal,
  });
  const learned: Learned = {};
  try {
    const intervals = await cachedWatchIntervals(deps.db, deps.config);
    if (watches.length === 0) {
      // Nobody watches it now: no check, and the scheduler leaves it alone until someone does.
      await releaseCreator(deps.db, ticket, {});
      return { ...base, result: 'skipped', skipReason: 'no_active_watch', requests: 0, captured: 0 };
    }
    const intervalSeconds = creatorIntervalSeconds(watches, intervals);
    let found: Awaited<ReturnType<typeof inspectCreator>>;
    try {
      found = await inspectCreator(deps, { creator, ticket, watches, session, learned, signal });
    } catch (error) {
      if (error instanceof MergedAway) {
        await chainNextCheck(deps, error.message, deps.now());
        log.info({ into: error.message }, 'creator merged into the row that already had its TikTok id');
        return { ...base, result: 'merged', requests: session.requests(), captured: 0 };
      }
      if (signal.aborted) return await giveBack(deps, ticket, lost.signal.aborted, base, session);
      const appError = toAppError(error);
      if (appError.code === 'internal') log.error({ err: error }, 'creator check failed unexpectedly');
      else log.info({ code: appError.code, message: appError.message }, 'creator check found a problem');
      const problem = creatorProblemOf(appError);
      const now = deps.now();
      const failures = creator.consecutiveFailures + 1;
      const nextCheckAt = retryCheckTime(
        now,
        problem.backoff === 'refused' ? 1 : failures,
        intervalSeconds,
        deps.random,
        problem.retryAfterSeconds,
      );
      return finish(deps, ticket, base, session, 0, {
        ...learned,
        ...(problem.refreshProfile ? { lastProfileAt: null } : {}),
        problemCode: problem.code,
        problemAt: now,
        consecutiveFailures: failures,
        lastCheckedAt: now,
        nextCheckAt,
      });
    }
    const now = deps.now();
    // A renamed account whose lists still answer: say so, but keep checking it as usual.
    const problem = found.problem === null ? null : creatorProblemOf(found.problem);
    const outcome = await finish(deps, ticket, base, session, found.captured, {
      ...learned,
      ...(problem === null
        ? { problemCode: null, problemAt: null, consecutiveFailures: 0 }
        : {
            problemCode: problem.code,
            problemAt: now,
            consecutiveFailures: creator.consecutiveFailures + 1,
            lastProfileAt: null,
          }),
      lastCheckedAt: now,
      nextCheckAt: nextCheckTime(now, intervalSeconds, deps.random),
    });
    log.info(
      {
        captured: found.captured,
        requests: session.requests(),
        startDelayMs: base.startDelayMs,
        problem: problem?.code,
      },
      'creator checked',
    );
    return outcome;
  } finally {
    clearInterval(refresher);
  }
}

type OutcomeBase = { creatorId: string; reason: CheckReason; startDelayMs: number };

/** Stopping (or the claim lost): the creator stays due, so the next tick or worker checks it. */
async function giveBack(
  deps: WatchDeps,
  ticket: CreatorTicket,
  claimLost: boolean,
  base: OutcomeBase,
  session: CreatorSession,
): Promise<CheckOutcome> {
  if (claimLost) return { ...base, result: 'lost', requests: session.requests(), captured: 0 };
  await releaseCreator(deps.db, ticket, {});
  return { ...base, result: 'handed_back', requests: session.requests(), captured: 0 };
}

/** Records how the check ended and when the next one is due, and sends that one if it is soon. */
async function finish(
  deps: WatchDeps,
  ticket: CreatorTicket,
  base: OutcomeBase,
  session: CreatorSession,
  captured: number,
  data: Learned & { nextCheckAt: Date; problemCode: string | null },
): Promise<CheckOutcome> {
  const held = await releaseCreator(deps.db, ticket, data);
  if (held) await chainNextCheck(deps, ticket.creatorId, data.nextCheckAt);
  return {
    ...base,
    result: !held ? 'lost' : data.problemCode === null ? 'checked' : 'problem',
    ...(data.problemCode === null ? {} : { problem: data.problemCode as ErrorCode }),
    requests: session.requests(),
    captured,
    nextCheckAt: data.nextCheckAt,
  };
}

/**
 * A check's next job is sent right away when it falls due before the next tick would see it
 * (short intervals), so checks keep their interval without waiting for a tick. The tick stays
 * the safety net: this send is skipped by the queue when a job already waits.
 */
async function chainNextCheck(deps: WatchDeps, creatorId: string, at: Date): Promise<void> {
  const now = deps.now();
  if (at.getTime() > now.getTime() + TICK_LOOKAHEAD_SECONDS * 1000) return;
  await enqueueChecks(deps, [{ id: creatorId, nextCheckAt: at }], now).catch((error: unknown) => {
    deps.log.warn({ err: error, creatorId }, 'could not enqueue the next check; the tick will');
  });
}
