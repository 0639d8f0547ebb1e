import { readStorageSettings, type StorageSettings } from '@tiksavr/db';
import type { Context } from '../trpc.ts';

export type StorageOverview = {
  readonly settings: StorageSettings;
  /** Files in storage as the database knows them (one per content address) and their bytes. */
  readonly files: number;
  readonly bytes: number;
  /** Files marked for deletion and not yet removed (a crash leftover the sweep finishes). */
  readonly pendingDeletions: number;
};

/** The admin's storage page: the rules, and what the store holds on disk (shared files counted once). */
export async function storageOverview(ctx: Pick<Context, 'db'>): Promise<StorageOverview> {
  const [settings, totals, pendingDeletions] = await Promise.all([
    readStorageSettings(ctx.db),
    ctx.db.storedFile.aggregate({ _count: { _all: true }, _sum: { size: true } }),
    ctx.db.storedFile.count({ where: { deletePendingAt: { not: null } } }),
  ]);
  return {
    settings,
    files: totals._count._all,
    bytes: Number(totals._sum.size ?? 0n),
    pendingDeletions,
  };
}
