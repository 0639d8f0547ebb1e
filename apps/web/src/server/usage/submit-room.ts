import { type ErrorCode, quotaRefusalFor, quotaRefusalWords } from '@tiksavr/core';
import { limitsOf, lockUserQuota, type Prisma, usageOf } from '@tiksavr/db';
import { storageLimitsOf } from './storage-limits.ts';

export type SubmitRoom = {
  /** How many of the wanted new items fit (the first ones pasted are taken). */
  readonly admit: number;
  /** Why the rest do not: the error code and the words with the numbers; null when all fit. */
  readonly refusal: { readonly reason: ErrorCode; readonly message: string } | null;
};

/**
 * At submit, inside the transaction that inserts the new Downloads: with the person's quota lock
 * held (so two submits at once cannot both take the last free places), how many more items fit
 * their item limit, and none while their storage is already full. The worker checks the bytes
 * of each item once it knows them.
 */
export async function submitRoom(
  tx: Prisma.TransactionClient,
  userId: string,
  wanted: number,
): Promise<SubmitRoom> {
  const limits = storageLimitsOf(await limitsOf(tx, userId));
  if (wanted === 0 || (limits.maxBytes === null && limits.maxItems === null))
    return { admit: wanted, refusal: null };
  await lockUserQuota(tx, userId);
  const usage = await usageOf(tx, userId);
  const full = quotaRefusalFor(usage, { ...limits, maxItems: null }, { items: 1, bytes: null });
  if (full !== null) return { admit: 0, refusal: { reason: full.code, message: quotaRefusalWords(full) } };
  const admit =
    limits.maxItems === null ? wanted : Math.min(wanted, Math.max(0, limits.maxItems - usage.items));
  if (admit === wanted) return { admit, refusal: null };
  const refusal = quotaRefusalFor({ ...usage, items: usage.items + admit }, limits, {
    items: 1,
    bytes: null,
  });
  return {
    admit,
    refusal: refusal === null ? null : { reason: refusal.code, message: quotaRefusalWords(refusal) },
  };
}
