import { fromPrisma, PgBoss, type PrismaTransactionLike, type QueueOptions } from 'pg-boss';

export type { Job, JobInsert, QueueOptions } from 'pg-boss';
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
  /**
   * Runs pg-boss's cron scheduler (`boss.schedule`) in this instance. Only the worker does: any
   * number of instances may, pg-boss sends each occurrence once.
   */
  schedule?: boolean;
};

/**
 * The one way web and worker build a pg-boss instance. The consumer (worker) owns the schema and
 * listens for NOTIFY so a job starts within milliseconds instead of waiting a polling interval.
 */
export function createBoss({ url, role, onError, maxConnections, schedule }: CreateBossOptions): PgBoss {
  const consumer = role === 'consumer';
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: maxConnections,
    migrate: consumer,
    supervise: consumer,
    schedule: consumer && schedule === true,
    useListenNotify: consumer,
  });
  boss.on('error', onError);
  return boss;
}

/** Queue options plus the policy a queue is created with (pg-boss cannot change it later). */
export type QueueDefinition = QueueOptions & { policy?: string };

/**
 * Creates (or updates) every queue from a contract table such as core's `JOBS`. pg-boss cannot
 * change a queue's policy after creation, so an existing queue whose policy differs is dropped and
 * created again when it holds no waiting or running job, and refused (naming the queue) otherwise.
 */
export async function ensureQueues(
  boss: PgBoss,
  definitions: Record<string, { queue: QueueDefinition }>,
): Promise<void> {
  const existing = new Map((await boss.getQueues()).map((q) => [q.name, q]));
  for (const [name, { queue }] of Object.entries(definitions)) {
    const { policy = 'standard', ...options } = queue;
    const current = existing.get(name);
    const currentPolicy = current?.policy ?? 'standard';
    if (current !== undefined && currentPolicy === policy) {
      await boss.updateQueue(name, { ...options, notify: true });
      continue;
    }
    if (current !== undefined) await dropEmptyQueue(boss, name, currentPolicy, policy);
    await boss.createQueue(name, { ...options, policy, notify: true });
  }
}

async function dropEmptyQueue(boss: PgBoss, name: string, from: string, to: string): Promise<void> {
  const [stats] = await boss.getQueueStats(name, { force: true });
  const pending = (stats?.queuedCount ?? 0) + (stats?.activeCount ?? 0);
  if (pending > 0) {
    throw new Error(
      `The job queue ${name} has policy ${from} but needs ${to}, and it still holds ${pending} jobs. Let them finish, then start again.`,
    );
  }
  await boss.deleteQueue(name);
}

/** A pg-boss `db` executor bound to a Prisma transaction, so a row and its job commit together. */
export function bossDbFor(tx: PrismaTransactionLike) {
  return fromPrisma(tx);
}
