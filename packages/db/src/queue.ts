import { fromPrisma, PgBoss, type PrismaTransactionLike, type QueueOptions } from 'pg-boss';

export type { Job, QueueOptions } from 'pg-boss';
export { fromPrisma, PgBoss };

/** pg-boss's tables live in their own schema, kept out of Prisma's migrations. */
export const BOSS_SCHEMA = 'pgboss';

export type BossRole =
  /** Owns pg-boss's schema (installs/migrates it), creates queues, runs maintenance. */
  | 'consumer'
  /** Only sends jobs and reads state: never migrates, supervises or schedules. */
  | 'producer';

export type CreateBossOptions = {
  url: string;
  role: BossRole;
  onError: (error: Error) => void;
  /** Pool size (pg-boss default 10). */
  maxConnections?: number;
};

/**
 * The one way web and worker build a pg-boss instance. The consumer (worker) owns the schema and
 * listens for NOTIFY so a job starts within milliseconds instead of waiting a polling interval.
 */
export function createBoss({ url, role, onError, maxConnections }: CreateBossOptions): PgBoss {
  const consumer = role === 'consumer';
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: maxConnections,
    migrate: consumer,
    supervise: consumer,
    schedule: false,
    useListenNotify: consumer,
  });
  boss.on('error', onError);
  return boss;
}

/** Creates (or updates) every queue from a contract table such as core's `JOBS`. */
export async function ensureQueues(
  boss: PgBoss,
  definitions: Record<string, { queue: QueueOptions }>,
): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const [name, { queue }] of Object.entries(definitions)) {
    if (existing.has(name)) await boss.updateQueue(name, { ...queue, notify: true });
    else await boss.createQueue(name, { ...queue, notify: true });
  }
}

/** A pg-boss `db` executor bound to a Prisma transaction, so a row and its job commit together. */
export function bossDbFor(tx: PrismaTransactionLike) {
  return fromPrisma(tx);
}
