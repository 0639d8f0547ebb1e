import type { PgBoss } from '@tiksavr/db';

export type QueueCounts = {
  name: string;
  /** Waiting and ready to run now. */
  ready: number;
  /** Waiting for a later start (retry back-off, scheduled). */
  deferred: number;
  active: number;
  /** Failed jobs pg-boss still keeps (its retention window, not all time). */
  failed: number;
  /** Every job pg-boss keeps for the queue. */
  total: number;
  /** When the worker's monitor last counted (null until it has). */
  countedAt: Date | null;
};

/**
 * pg-boss's own view of each queue. These are the counts its monitor (run by the worker) caches in
 * the queue table, so reading them costs one small query however many jobs there are.
 */
export async function loadQueueCounts(boss: PgBoss): Promise<QueueCounts[]> {
  const queues = await boss.getQueues();
  return queues
    .map((queue) => ({
      name: queue.name,
      ready: queue.readyCount,
      deferred: queue.deferredCount,
      active: queue.activeCount,
      failed: queue.failedCount,
      total: queue.totalCount,
      countedAt: queue.updatedOn ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
