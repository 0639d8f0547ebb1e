import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOBS } from '@tiksavr/core';
import { createBoss, createDb, type Db, ensureQueues, type PgBoss } from '@tiksavr/db';
import { ensureDatabase, migrate, startEmbeddedPostgres } from '@tiksavr/db/embedded';

export type BenchDatabase = { url: string; db: Db; boss: PgBoss; stop: () => Promise<void> };

/**
 * A throwaway embedded PostgreSQL cluster with one migrated database (our schema, pg-boss's, the
 * queues), for the web benchmarks. Durability is off: the data is thrown away, and fsync would
 * measure this machine's disk instead of our queries.
 */
export async function startBenchDatabase(name: string): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), `tiksavr-bench-${name}-`));
  const server = await startEmbeddedPostgres({
    clusterDir: join(dir, 'pg'),
    settings: {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      maintenance_work_mem: '256MB',
    },
  });
  const url = await ensureDatabase(server.serverUrl, name);
  await migrate(url);
  const boss = createBoss({ url, role: 'consumer', onError: () => {}, maxConnections: 4 });
  await boss.start();
  await ensureQueues(boss, JOBS);
  const db = createDb({ url, maxConnections: 8 });
  return {
    url,
    db,
    boss,
    stop: async () => {
      await boss.stop({ graceful: false, close: true }).catch(() => {});
      await db.$disconnect();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
