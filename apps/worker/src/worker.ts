import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createUpstream, JOBS, parseJobPayload, type ResolveHost } from '@tiksavr/core';
import { createBoss, createDb, ensureQueues } from '@tiksavr/db';
import { createStorage, describeStorage } from '@tiksavr/storage';
import type { WorkerConfig } from './env.ts';
import { startHeartbeat } from './heartbeat.ts';
import { chooseTransferPolicy } from './jobs/download/choose-media-transfer.ts';
import type { DownloadDeps } from './jobs/download/download-deps.ts';
import { type DownloadOutcome, handleDownload } from './jobs/download/handle-download.ts';
import { reclaimLostJobs } from './jobs/download/reclaim-lost-jobs.ts';
import { handleHealth } from './jobs/health.ts';
import { handleIdentify } from './jobs/identify/handle-identify.ts';
import { startNotifyDelivery } from './jobs/notify/start-notify-delivery.ts';
import { systemResolver } from './jobs/notify/system-resolver.ts';
import { startRetention } from './jobs/retention/start-retention.ts';
import type { CheckOutcome } from './jobs/watch/check-creator.ts';
import { startWatchPipeline } from './jobs/watch/start-watch-pipeline.ts';
import type { WatchDeps } from './jobs/watch/watch-deps.ts';
import type { Logger } from './logger.ts';
import { type BudgetTuning, budgetRateFrom, createUpstreamBudget } from './upstream-budget/index.ts';
import { workInSlots } from './work-in-slots.ts';

export const WORKER_VERSION = '0.1.0';

export type RunningWorker = {
  id: string;
  /** Stops taking jobs, lets running ones finish within the grace period, hands the rest back. */
  stop: () => Promise<void>;
  /** Files from this size up are fetched with curl; null: never (see choose-media-transfer.ts). */
  curlFromBytes: number | null;
  /** Number of jobs running now. */
  inFlight: () => number;
  /** Test and bench hook: called after each download job with its outcome. */
  onOutcome: (listener: (outcome: DownloadOutcome, downloadId: string) => void) => void;
  /** Test and bench hook: called after each creator check with its outcome. */
  onCreatorCheck: (listener: (outcome: CheckOutcome) => void) => void;
};

/** Test hooks of a worker started in-process. */
export type WorkerHooks = {
  /**
   * The clock jobs judge deadlines by (default: the system clock). Tests tie it to the TikTok
   * simulator's clock so stories expire when the simulator says. Job start delays are relative to
   * the database's clock, so a clock moved ahead does not hold jobs back.
   */
  readonly now?: () => Date;
  /** Shorter pauses and recoveries of the politeness budget (a simulator's 429 asks for 30 s). */
  readonly budgetTuning?: Partial<BudgetTuning>;
  /** How notification targets' names are looked up (default: the system resolver). */
  readonly resolveHost?: ResolveHost;
};

/**
 * Boots one worker process: pg-boss as the schema owner (it installs/migrates pg-boss's tables
 * and creates the queues), a heartbeat, a handler per queue, the start-up sweeps (orphan temp
 * files, downloads whose job was lost) and the periodic lost-job sweep.
 */
export async function startWorker(
  config: WorkerConfig,
  log: Logger,
  hooks: WorkerHooks = {},
): Promise<RunningWorker> {
  const id = randomUUID();
  // Each running download may hold a connection briefly per step; the rest serve sweeps and beats.
  const slots =
    config.concurrency + config.identifyConcurrency + config.watchConcurrency + config.notify.concurrency;
  const db = createDb({ url: config.databaseUrl, maxConnections: slots + 4 });
  const boss = createBoss({
    url: config.databaseUrl,
    role: 'consumer',
    onError: (error) => log.error({ err: error }, 'pg-boss error'),
    maxConnections: slots + 4,
    // The watch scheduler's cron (watch.tick) lives in pg-boss; workers run it, the web app never.
    schedule: true,
  });
  await boss.start();
  await ensureQueues(boss, JOBS);

  const storage = createStorage(config.storage);
  log.info({ storage: describeStorage(config.storage) }, 'media store');
  const swept = await storage.sweepTemp(config.tempMaxAgeSeconds * 1000);
  if (swept > 0) log.info({ swept }, 'orphan temp files removed');
  const transfers = await chooseTransferPolicy(config, storage);
  log.info(
    { curlFromBytes: transfers.curlFromBytes, transfer: transfers.description },
    'media transfer chosen',
  );

  const shutdown = new AbortController();
  // The one request budget toward TikTok, shared with every other worker process through Postgres.
  const budget = createUpstreamBudget({
    db,
    holderId: id,
    log,
    requestsPerMinute: () => budgetRateFrom(db, config.tiktokRequestsPerMinute),
    ...(hooks.budgetTuning === undefined ? {} : { tuning: hooks.budgetTuning }),
  });
  const deps: DownloadDeps = {
    db,
    boss,
    storage,
    transfers,
    upstream: createUpstream(config.tiktokOrigin),
    budget,
    config,
    log,
    shutdownSignal: shutdown.signal,
    now: hooks.now ?? (() => new Date()),
    random: Math.random,
  };

  const running = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => {});
    return work;
  };
  const heartbeat = startHeartbeat(
    db,
    {
      id,
      host: hostname(),
      pid: process.pid,
      version: WORKER_VERSION,
      concurrency: config.concurrency,
      transfer: transfers.description,
    },
    {
      intervalSeconds: config.heartbeatSeconds,
      inFlight: () => running.size,
      onError: (error) => log.warn({ err: error }, 'heartbeat failed'),
    },
  );
  await heartbeat.start();

  const sweepLostJobs = () =>
    reclaimLostJobs(deps).catch((error: unknown) => {
      log.warn({ err: error }, 'lost-job sweep failed');
      return 0;
    });
  await sweepLostJobs();
  const sweepTimer = setInterval(() => void sweepLostJobs(), config.sweepSeconds * 1000);

  const outcomeListeners: Array<(outcome: DownloadOutcome, downloadId: string) => void> = [];

  const watchDeps: WatchDeps = deps;
  const watching = await startWatchPipeline(watchDeps, track);
  // Hourly auto-delete of unpinned items past `retention.days`, and the stored-file sweep.
  const retention = await startRetention(deps, track);
  // Push messages and webhooks when a save ends (queued by updateDownload), on the system clock.
  const notifying = await startNotifyDelivery(
    {
      db,
      boss,
      log,
      notify: config.notify,
      resolveHost: hooks.resolveHost ?? systemResolver,
      now: () => new Date(),
      shutdownSignal: shutdown.signal,
    },
    { pollSeconds: config.pollSeconds, track },
  );

  await boss.work('system.health', { localConcurrency: 1 }, async ([job]) => {
    if (!job) return;
    return track(
      (async () => {
        const payload = parseJobPayload('system.health', job.data);
        log.info({ jobId: job.id, queue: 'system.health' }, 'health probe handled');
        return handleHealth(payload, id);
      })(),
    );
  });

  const slotOptions = (slots: number) => ({
    slots,
    pollSeconds: config.pollSeconds,
    shutdownSignal: shutdown.signal,
  });
  await workInSlots(boss, 'media.download', slotOptions(config.concurrency), async (job) => {
    const outcome = await track(handleDownload(deps, job));
    const downloadId = (job.data as { downloadId?: string }).downloadId ?? '';
    for (const listener of outcomeListeners) listener(outcome, downloadId);
    return { outcome };
  });
  // Short links are identified in slots of their own, so a story's kind and deadline are known
  // at once even while every download slot is busy with a large file.
  await workInSlots(boss, 'media.identify', slotOptions(config.identifyConcurrency), async (job) => ({
    outcome: await track(handleIdentify(deps, job)),
  }));

  log.info(
    { workerId: id, concurrency: config.concurrency, identifyConcurrency: config.identifyConcurrency },
    '[worker] ready',
  );
  let stopping: Promise<void> | null = null;
  return {
    id,
    curlFromBytes: transfers.curlFromBytes,
    inFlight: () => running.size,
    onOutcome: (listener) => outcomeListeners.push(listener),
    onCreatorCheck: (listener) => watching.onCheck(listener),
    stop: () => {
      stopping ??= (async () => {
        clearInterval(sweepTimer);
        await Promise.all([
          boss.offWork('media.download', { wait: false }),
          boss.offWork('media.identify', { wait: false }),
          boss.offWork('system.health', { wait: false }),
          watching.stopTaking(),
          retention.stopTaking(),
          notifying.stopTaking(),
        ]);
        const graceOver = new Promise((r) => setTimeout(r, config.shutdownGraceSeconds * 1000).unref());
        await Promise.race([Promise.allSettled([...running]), graceOver]);
        // Whatever still runs hands its download back to the queue (resumable from its partial file).
        shutdown.abort(new Error('worker shutting down'));
        await Promise.allSettled([...running]);
        await budget.close();
        await boss.stop({ graceful: true, timeout: 5_000, close: true });
        await heartbeat.stop();
        await db.$disconnect();
      })();
      return stopping;
    },
  };
}
