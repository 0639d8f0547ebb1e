import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createUpstream, JOBS, parseJobPayload } from '@tiksavr/core';
import { createBoss, createDb, ensureQueues } from '@tiksavr/db';
import { createLocalStorage } from '@tiksavr/storage';
import type { WorkerConfig } from './env.ts';
import { startHeartbeat } from './heartbeat.ts';
import { chooseTransferPolicy } from './jobs/download/choose-media-transfer.ts';
import type { DownloadDeps } from './jobs/download/download-deps.ts';
import { type DownloadOutcome, handleDownload } from './jobs/download/handle-download.ts';
import { reclaimLostJobs } from './jobs/download/reclaim-lost-jobs.ts';
import { handleHealth } from './jobs/health.ts';
import type { Logger } from './logger.ts';

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
};

/**
 * Boots one worker process: pg-boss as the schema owner (it installs/migrates pg-boss's tables
 * and creates the queues), a heartbeat, a handler per queue, the start-up sweeps (orphan temp
 * files, downloads whose job was lost) and the periodic lost-job sweep.
 */
export async function startWorker(config: WorkerConfig, log: Logger): Promise<RunningWorker> {
  const id = randomUUID();
  // Each running download may hold a connection briefly per step; the rest serve sweeps and beats.
  const db = createDb({ url: config.databaseUrl, maxConnections: config.concurrency + 4 });
  const boss = createBoss({
    url: config.databaseUrl,
    role: 'consumer',
    onError: (error) => log.error({ err: error }, 'pg-boss error'),
    maxConnections: config.concurrency + 4,
  });
  await boss.start();
  await ensureQueues(boss, JOBS);

  const storage = createLocalStorage(config.dataDir);
  const swept = await storage.sweepTemp(config.tempMaxAgeSeconds * 1000);
  if (swept > 0) log.info({ swept }, 'orphan temp files removed');
  const transfers = await chooseTransferPolicy(config, storage);
  log.info(
    { curlFromBytes: transfers.curlFromBytes, transfer: transfers.description },
    'media transfer chosen',
  );

  const shutdown = new AbortController();
  const deps: DownloadDeps = {
    db,
    boss,
    storage,
    transfers,
    upstream: createUpstream(config.tiktokOrigin),
    config,
    log,
    shutdownSignal: shutdown.signal,
    now: () => new Date(),
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

  // One pg-boss worker per slot, batchSize 1: a slot takes a job when it is free. A new job wakes
  // the slots at once (queue notify + LISTEN). After a job a slot would sleep a polling interval
  // even with a backlog waiting (pg-boss only bursts for batchSize > 1), so each slot nudges
  // itself (`notifyWorker`) to fetch again right away; an empty fetch then sleeps as usual.
  for (let slot = 0; slot < config.concurrency; slot++) {
    let slotId = '';
    slotId = await boss.work(
      'media.download',
      {
        localConcurrency: 1,
        batchSize: 1,
        pollingIntervalSeconds: config.pollSeconds,
        notifyPollingIntervalSeconds: config.pollSeconds,
      },
      async ([job]) => {
        if (!job) return;
        try {
          const outcome = await track(handleDownload(deps, job));
          const downloadId = (job.data as { downloadId?: string }).downloadId ?? '';
          for (const listener of outcomeListeners) listener(outcome, downloadId);
          return { outcome };
        } finally {
          if (!shutdown.signal.aborted) boss.notifyWorker(slotId);
        }
      },
    );
  }

  log.info({ workerId: id, concurrency: config.concurrency }, '[worker] ready');
  let stopping: Promise<void> | null = null;
  return {
    id,
    curlFromBytes: transfers.curlFromBytes,
    inFlight: () => running.size,
    onOutcome: (listener) => outcomeListeners.push(listener),
    stop: () => {
      stopping ??= (async () => {
        clearInterval(sweepTimer);
        await Promise.all([
          boss.offWork('media.download', { wait: false }),
          boss.offWork('system.health', { wait: false }),
        ]);
        const graceOver = new Promise((r) => setTimeout(r, config.shutdownGraceSeconds * 1000).unref());
        await Promise.race([Promise.allSettled([...running]), graceOver]);
        // Whatever still runs hands its download back to the queue (resumable from its partial file).
        shutdown.abort(new Error('worker shutting down'));
        await Promise.allSettled([...running]);
        await boss.stop({ graceful: true, timeout: 5_000, close: true });
        await heartbeat.stop();
        await db.$disconnect();
      })();
      return stopping;
    },
  };
}
