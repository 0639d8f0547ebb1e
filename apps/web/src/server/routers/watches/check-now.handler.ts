import { AppError } from '@tiksavr/core';
import type { UserContext } from '../../trpc.ts';
import { findOwnWatch } from '../../watches/own-watch.ts';
import { sendCreatorCheck } from '../../watches/send-creator-check.ts';

/**
 * The worker skips a check that comes this soon after the last one (TikTok is asked sparingly),
 * so the button says so at once instead of queuing a check that would do nothing.
 */
export const CHECK_AGAIN_AFTER_MS = 60_000;

export type CheckNowResult = {
  /** `queued`: a check was sent; `already_queued`: one was waiting already (it runs soon). */
  outcome: 'queued' | 'already_queued';
};

/** Queues a check of the watched creator now (`creator.check`, reason `manual`). */
export async function checkNow(
  ctx: UserContext,
  input: { id: string },
  now = new Date(),
): Promise<CheckNowResult> {
  const watch = await findOwnWatch(ctx.db, ctx.user.id, input.id, {
    creator: { select: { id: true, lastCheckedAt: true } },
  });
  const last = watch.creator.lastCheckedAt;
  if (last !== null && now.getTime() - last.getTime() < CHECK_AGAIN_AFTER_MS) {
    throw new AppError('check_too_soon', `creator ${watch.creator.id} was checked at ${last.toISOString()}`, {
      detail: { lastCheckedAt: last.toISOString() },
    });
  }
  const boss = await ctx.boss();
  const sent = await sendCreatorCheck(boss, watch.creator.id, 'manual');
  return { outcome: sent ? 'queued' : 'already_queued' };
}
