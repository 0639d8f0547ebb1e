import { JOBS } from '@tiksavr/core';
import { createBoss, createDb, type Db, ensureQueues, type PgBoss } from '@tiksavr/db';
import { createStorage, type Storage } from '@tiksavr/storage';
import { env, storageConfig } from '../env.ts';
import { log } from './logger.ts';

/**
 * Process-wide singletons (one Prisma pool, one pg-boss producer). Kept on globalThis so that
 * `next dev` hot reloads do not open a new pool on every edit.
 */
type Services = { db: Db; boss: Promise<PgBoss>; storage: Storage };
const globalForServices = globalThis as unknown as { tiksavrServices?: Services };

export function services(): Services {
  if (!globalForServices.tiksavrServices) {
    const { DATABASE_URL } = env();
    const boss = createBoss({
      url: DATABASE_URL,
      role: 'producer',
      onError: (error) => log().error({ err: error }, 'pg-boss error'),
      maxConnections: 4,
    });
    globalForServices.tiksavrServices = {
      db: createDb({ url: DATABASE_URL }),
      // Queues are created here too (idempotent), so links can be submitted even before a worker
      // has ever started; the worker still owns pg-boss's schema.
      boss: boss.start().then(async () => {
        await ensureQueues(boss, JOBS);
        return boss;
      }),
      storage: createStorage(storageConfig()),
    };
  }
  return globalForServices.tiksavrServices;
}
