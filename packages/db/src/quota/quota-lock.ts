import type { Prisma } from '../generated/prisma/client.ts';

/**
 * Serialises the quota decisions of one person (a submit counting items, the worker finishing a
 * save and adding bytes) with a transaction-scoped advisory lock, so two at once cannot both fit
 * into the last free room.
 */
export async function lockUserQuota(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`quota:${userId}`}, 0))`;
}
