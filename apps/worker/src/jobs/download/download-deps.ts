import type { Upstream } from '@tiksavr/core';
import type { Db, PgBoss, Prisma } from '@tiksavr/db';
import type { Storage } from '@tiksavr/storage';
import type { WorkerConfig } from '../../env.ts';
import type { Logger } from '../../logger.ts';
import type { UpstreamBudget } from '../../upstream-budget/index.ts';
import type { TransferPolicy } from './choose-media-transfer.ts';

/** What every step of the download pipeline works with. */
export type DownloadDeps = {
  readonly db: Db;
  readonly boss: PgBoss;
  readonly storage: Storage;
  /** Which transfer (curl or node:http) brings an asset's bytes into storage. */
  readonly transfers: TransferPolicy;
  /** Where TikTok is (the real site or the simulator) and which media hosts may be fetched. */
  readonly upstream: Upstream;
  /** The one request budget toward TikTok, shared by every worker process: resolves go through it. */
  readonly budget: UpstreamBudget;
  readonly config: WorkerConfig;
  readonly log: Logger;
  /** Aborted when the worker's shutdown grace period is over: running downloads hand their job back. */
  readonly shutdownSignal: AbortSignal;
  readonly now: () => Date;
  readonly random: () => number;
};

/**
 * The right to change one Download: its id, owner (for events) and the job that holds it.
 * Every write is fenced on `jobId`, so a job that lost the download (to the lost-job sweep or a
 * retry) can no longer change it.
 */
export type DownloadTicket = {
  readonly downloadId: string;
  readonly userId: string;
  readonly jobId: string;
};

export const ACTIVE_STATES = ['queued', 'resolving', 'downloading'] as const;

/** Interactive transactions here are short; under load they may wait a while for a pooled connection. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(work, TX_OPTIONS);
}
