import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bossDbFor } from '@tiksavr/db';
import { startTikTokSim, type TikTokSim } from '@tiksavr/tiktok-sim';
import { loadConfig } from '../../apps/worker/src/env.ts';
import { createLogger } from '../../apps/worker/src/logger.ts';
import { type RunningWorker, startWorker } from '../../apps/worker/src/worker.ts';
import { type BenchDatabase, startBenchDatabase } from './web-bench-database.ts';

/** A bench database, a TikTok simulator and a data directory; workers started in this process. */
export type WorkerBenchWorld = {
  readonly database: BenchDatabase;
  readonly sim: TikTokSim;
  readonly userId: string;
  startWorker(concurrency: number): Promise<RunningWorker>;
  /** A Download row + its job in one transaction, as the web app does. */
  submit(url: string): Promise<string>;
  /** Resolves when every id is terminal (polls the table every 20 ms). */
  waitForTerminal(ids: readonly string[], timeoutMs: number): Promise<void>;
  close(): Promise<void>;
};

export async function startWorkerBenchWorld(name: string): Promise<WorkerBenchWorld> {
  const database = await startBenchDatabase(name);
  const sim = await startTikTokSim({ port: 0, seed: 'none' });
  const dataDir = await mkdtemp(join(tmpdir(), `tiksavr-bench-${name}-data-`));
  const user = await database.db.user.create({
    data: { id: crypto.randomUUID(), name: 'Bench', email: `${name}@example.test` },
  });
  return {
    database,
    sim,
    userId: user.id,
    startWorker: async (concurrency) => {
      const config = loadConfig({
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        TIKTOK_ORIGIN: sim.origin,
        WORKER_CONCURRENCY: String(concurrency),
        WORKER_HEARTBEAT_SECONDS: '30',
        // These benches measure the worker, not the politeness budget (bench/cases/upstream-budget*).
        TIKTOK_REQUESTS_PER_MINUTE: '6000',
        LOG_LEVEL: 'silent',
      });
      return startWorker(config, createLogger('silent'));
    },
    submit: (url) =>
      database.db.$transaction(async (tx) => {
        const row = await tx.download.create({
          data: { userId: user.id, inputUrl: url, canonicalUrl: url, searchText: url },
        });
        const jobId = await database.boss.send(
          'media.download',
          { downloadId: row.id },
          { db: bossDbFor(tx) },
        );
        await tx.download.update({ where: { id: row.id }, data: { jobId } });
        return row.id;
      }),
    waitForTerminal: async (ids, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const open = await database.db.download.count({
          where: { id: { in: [...ids] }, state: { in: ['queued', 'resolving', 'downloading'] } },
        });
        if (open === 0) return;
        if (Date.now() > deadline) throw new Error(`${open} downloads still open after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: async () => {
      await sim.close();
      await database.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
