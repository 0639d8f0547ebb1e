import { parseJobPayload } from '@tiksavr/core';
import { fromPrisma, type PgBoss, type Prisma } from '@tiksavr/db';

export type CreatorCheckReason = 'new_watch' | 'manual';

/**
 * Queues one `creator.check` for a creator. The queue is `stately` and the singletonKey is the
 * creator: while a check of it already waits, pg-boss keeps that one and this send adds nothing
 * (returns false). With `tx` the job commits with the caller's rows.
 */
export async function sendCreatorCheck(
  boss: PgBoss,
  creatorId: string,
  reason: CreatorCheckReason,
  tx?: Prisma.TransactionClient,
): Promise<boolean> {
  const jobId = await boss.send('creator.check', parseJobPayload('creator.check', { creatorId, reason }), {
    singletonKey: creatorId,
    ...(tx ? { db: fromPrisma(tx) } : {}),
  });
  return jobId !== null;
}
