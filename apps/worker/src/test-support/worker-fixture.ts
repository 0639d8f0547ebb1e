import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTikTokUrl, priorityFor } from '@tiksavr/core';
import { bossDbFor, createBoss, type Download, type PgBoss } from '@tiksavr/db';
import { createTestDatabase, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { type SimItem, startTikTokSim, type TikTokSim } from '@tiksavr/tiktok-sim';
import { loadConfig, type WorkerConfig } from '../env.ts';
import { createLogger } from '../logger.ts';
import { type RunningWorker, startWorker, type WorkerHooks } from '../worker.ts';

/**
 * One integration world per test file: a fresh database, a TikTok simulator over HTTP, a data
 * directory, and workers started in this process with fast retry settings.
 */
export type WorkerWorld = {
  readonly database: TestDatabase;
  readonly sim: TikTokSim;
  readonly dataDir: string;
  readonly userId: string;
  readonly producer: PgBoss;
  /** The environment a worker of this world runs with (also for child processes). */
  env(overrides?: Record<string, string>): Record<string, string>;
  startWorker(overrides?: Record<string, string>, hooks?: WorkerHooks): Promise<RunningWorker>;
  /**
   * What the web app does: a Download row and its first job in one transaction (`media.identify`
   * for a short link, else `media.download`). A deadline makes it a known story, as a watched
   * creator's story list would.
   */
  submit(url: string, options?: { storyDeadline?: Date }): Promise<string>;
  waitForTerminal(ids: readonly string[], timeoutMs: number): Promise<Download[]>;
  close(): Promise<void>;
};

export const TERMINAL_STATES = ['done', 'failed', 'expired', 'canceled'];

/**
 * The politeness budget as the tests run it: the same rules, shorter times (the simulator's 429
 * asks for 30 s, and one test's pushback must not slow the next test down for ten minutes).
 */
export const TEST_BUDGET_TUNING = {
  maxPauseMs: 300,
  rateLimitedPauseMs: 300,
  recoveryMs: 500,
  pushbackDebounceMs: 100,
} as const;

export function tiktokUrlOf(item: SimItem): string {
  return `https://www.tiktok.com/@${item.username}/${item.kind === 'photo' ? 'photo' : 'video'}/${item.id}`;
}

export async function createWorkerWorld(prefix: string): Promise<WorkerWorld> {
  const database = await createTestDatabase(prefix);
  const sim = await startTikTokSim({ port: 0, seed: 'none' });
  const dataDir = await mkdtemp(join(tmpdir(), `tiksavr-worker-${prefix}-`));
  const user = await seedUser(database.db);
  const workers: RunningWorker[] = [];
  // The producer owns nothing: the first worker creates pg-boss's queues. Start it lazily.
  let producer: PgBoss | null = null;
  const env = (overrides: Record<string, string> = {}) => ({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    TIKTOK_ORIGIN: sim.origin,
    WORKER_CONCURRENCY: '4',
    WORKER_RETRY_BASE_SECONDS: '0.05',
    WORKER_RETRY_MAX_SECONDS: '0.5',
    WORKER_MEDIA_TIMEOUT_SECONDS: '5',
    WORKER_SHUTDOWN_GRACE_SECONDS: '2',
    WORKER_STALE_JOB_SECONDS: '12',
    WORKER_SWEEP_SECONDS: '2',
    WORKER_POLL_SECONDS: '0.5',
    WORKER_PROGRESS_INTERVAL_MS: '200',
    // The politeness budget's widest rate: tests talk to the simulator, not to TikTok.
    TIKTOK_REQUESTS_PER_MINUTE: '6000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
  });
  const world: WorkerWorld = {
    database,
    sim,
    dataDir,
    userId: user.id,
    get producer(): PgBoss {
      if (producer === null) throw new Error('start a worker first');
      return producer;
    },
    env,
    startWorker: async (overrides = {}, hooks = {}) => {
      const config: WorkerConfig = loadConfig(env(overrides));
      const worker = await startWorker(config, createLogger(config.logLevel), {
        ...hooks,
        budgetTuning: { ...TEST_BUDGET_TUNING, ...hooks.budgetTuning },
      });
      workers.push(worker);
      if (producer === null) {
        producer = createBoss({ url: database.url, role: 'producer', onError: () => {} });
        await producer.start();
      }
      return worker;
    },
    submit: async (url, options = {}) => {
      const boss = world.producer;
      const storyDeadline = options.storyDeadline ?? null;
      return database.db.$transaction(async (tx) => {
        const download = await tx.download.create({
          data: {
            userId: user.id,
            inputUrl: url,
            canonicalUrl: url,
            searchText: url.toLowerCase(),
            storyDeadline,
            ...(storyDeadline ? { kind: 'story' as const } : {}),
          },
        });
        const link = parseTikTokUrl(url);
        await boss.send(
          link.ok && link.kind === 'short_link' ? 'media.identify' : 'media.download',
          { downloadId: download.id },
          { priority: priorityFor(storyDeadline, new Date()), db: bossDbFor(tx) },
        );
        return download.id;
      });
    },
    waitForTerminal: async (ids, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const rows = await database.db.download.findMany({ where: { id: { in: [...ids] } } });
        if (rows.length === ids.length && rows.every((row) => TERMINAL_STATES.includes(row.state))) {
          return ids.map((id) => rows.find((row) => row.id === id) as Download);
        }
        if (Date.now() > deadline) {
          const open = rows.filter((row) => !TERMINAL_STATES.includes(row.state));
          throw new Error(
            `${open.length} downloads not terminal after ${timeoutMs} ms: ${JSON.stringify(
              open.slice(0, 5).map((row) => ({ id: row.id, state: row.state, code: row.failureCode })),
            )}`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: async () => {
      for (const worker of workers) await worker.stop().catch(() => {});
      await producer?.stop({ graceful: false, close: true }).catch(() => {});
      await sim.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** A Download row in one line for assertion messages (BigInt-safe). */
export function show(row: Download | undefined | null): string {
  if (!row) return String(row);
  return `${row.state} code=${row.failureCode} msg=${row.failureMessage} attempts=${row.attempts} bytes=${row.bytesDone}/${row.bytesTotal}`;
}
