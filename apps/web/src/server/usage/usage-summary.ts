import { usageWords } from '@tiksavr/core';
import { limitsOf, readStorageSettings, usageOf } from '@tiksavr/db';
import type { UserContext } from '../trpc.ts';
import { storageLimitsOf } from './storage-limits.ts';

export type UsageSummary = {
  readonly bytes: number;
  readonly items: number;
  /** null: no limit. */
  readonly maxBytes: number | null;
  readonly maxItems: number | null;
  /** "Using 1.2 GB of 5 GB · 340 of 1,000 items". */
  readonly words: string;
  /** Unpinned items older than this are deleted; null: kept forever. */
  readonly retentionDays: number | null;
};

/** What the signed-in person uses of their limits, for the history and dashboard header. */
export async function usageSummary(ctx: Pick<UserContext, 'db' | 'user'>): Promise<UsageSummary> {
  const [usage, limits, settings] = await Promise.all([
    usageOf(ctx.db, ctx.user.id),
    limitsOf(ctx.db, ctx.user.id),
    readStorageSettings(ctx.db),
  ]);
  const storage = storageLimitsOf(limits);
  return {
    ...usage,
    ...storage,
    words: usageWords(usage, storage),
    retentionDays: settings.retentionDays,
  };
}
