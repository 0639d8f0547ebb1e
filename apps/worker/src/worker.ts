import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { JOBS, parseJobPayload } from '@tiksavr/core';
import { createBoss, createDb, ensureQueues } from '@tiksavr/db';
import type { WorkerConfig } from './env.ts';
import { startHeartbeat } from './heartbeat.ts';
import { handleHealth } from './jobs/health.ts';
import type { Logger } from './logger.ts';

export const WORKER_VERSION = '0.1.0';

export type RunningWorker = { id: string; stop: () => Promise<void> };

/**
 * Boots one worker process: pg-boss as the schema owner (it installs/migrates pg-boss's tables
 * and creates the queues), a heartbeat, and a handler per queue.
 */
export async function startWorker(config: WorkerConfig, log: Logger): Promise<RunningWorker> {
  const id = randomUUID();
  const db = createDb({ url: config.databaseUrl, maxConnections: config.concurrency + 2 });
  const boss = createBoss({
    url: config.databaseUrl,
    role: 'consumer',
    onError: (error) => log.error({ err: error }, 'pg-boss error'),
  });
  await boss.start();
  await ensureQueues(boss, JOBS);

  let inFlight = 0;
  const heartbeat = startHeartbeat(
    db,
    { id, host: hostname(), pid: process.pid, version: WORKER_VERSION, concurrency: config.concurrency },
    {
      intervalSeconds: config.heartbeatSeconds,
      inFlight: () => inFlight,
      onError: (error) => log.warn({ err: error }, 'heartbeat failed'),
    },
  );
  await heartbeat.start();

  await boss.work('system.health', { localConcurrency: 1 }, async ([job]) => {
    if (!job) return;
    inFlight++;
    try {
      const payload = parseJobPayload('system.health', job.data);
      log.info({ jobId: job.id, queue: 'system.health' }, 'health probe handled');
      return handleHealth(payload, id);
    } finally {
      inFlight--;
    }
  });

  log.info({ workerId: id, concurrency: config.concurrency }, '[worker] ready');
  return {
    id,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: config.shutdownGraceSeconds * 1000, close: true });
      await heartbeat.stop();
      await db.$disconnect();
    },
  };
}
