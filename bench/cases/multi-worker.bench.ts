import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOBS } from '@tiksavr/core';
import { insertDownloadsWithJobs } from '@tiksavr/db';
import { startTikTokSim, type TikTokSim } from '@tiksavr/tiktok-sim';
import { WORKER_NODE_FLAGS, workerProcessEnv } from '../../apps/worker/src/worker-process-options.ts';
import type { BenchCase } from '../harness.ts';
import { type BenchChild, readProcessCpuSeconds, startBenchChild } from './bench-child-process.ts';
import { type BenchDatabase, startBenchDatabase } from './web-bench-database.ts';

/**
 * worker.processes: small-media jobs per second with two worker processes against one database
 * (one shared queue, one politeness budget), against one worker process in the same run (the
 * baseline). Issue #15: ≥ 1.7×. Each worker is a real process (`main.ts`, the flags npm start
 * uses) at the default concurrency 4, with a data folder of its own; the simulator runs in this
 * process. Reps alternate (one, two, one, two…) so a neighbour's load hits both alike; each rep
 * submits JOBS downloads in one transaction and counts from the first job's start to the last
 * one's end (the Download rows' startedAt/finishedAt), so process start-up is not measured.
 * The details say what bounds the ratio on one machine: CPU per job of the workers, PostgreSQL
 * and the simulator (all on the same cores), and the share of the instance's politeness budget
 * (at most 6000 page and API requests a minute, two per fresh link) one process already uses.
 */
const JOBS_PER_REP = 160;
const REPS = 3;
const CONCURRENCY = 4;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../apps/worker/src/main.ts', import.meta.url));

type Rep = {
  jobsPerSecond: number;
  cpuMsPerJob: number;
  postgresCpuMsPerJob: number;
  benchCpuMsPerJob: number;
};

/** CPU seconds of the bench cluster's PostgreSQL: its postmaster, its backends, and exited ones. */
async function postgresCpuSeconds(database: BenchDatabase): Promise<number> {
  const [row] = await database.db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  const stat = await readFile(`/proc/${row?.pid}/stat`, 'utf8');
  const postmaster = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  let total = await readProcessCpuSeconds(postmaster, true);
  const children = await readFile(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').catch(() => '');
  for (const child of children.split(' ').filter(Boolean)) {
    total += await readProcessCpuSeconds(Number(child)).catch(() => 0);
  }
  return total;
}

function workerProfileFlags(): string[] {
  const dir = process.env.BENCH_WORKER_CPU_PROFILE_DIR;
  return dir === undefined || dir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

async function startWorkerProcess(
  database: BenchDatabase,
  sim: TikTokSim,
  name: string,
  dataDir: string,
): Promise<BenchChild> {
  return startBenchChild({
    name,
    // BENCH_WORKER_CPU_PROFILE_DIR=<dir>: each worker writes a V8 CPU profile there when it stops.
    args: [...WORKER_NODE_FLAGS, ...workerProfileFlags(), WORKER_MAIN],
    env: {
      ...process.env,
      ...workerProcessEnv(REPO_ROOT),
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      TIKTOK_ORIGIN: sim.origin,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      // The widest budget: these benches measure the workers (bench/cases/upstream-budget* the budget).
      TIKTOK_REQUESTS_PER_MINUTE: '6000',
      WORKER_HEARTBEAT_SECONDS: '30',
      LOG_LEVEL: 'info',
    },
    cwd: REPO_ROOT,
    isReady: (line) => line.includes('[worker] ready'),
    readyTimeoutMs: 30_000,
  });
}

async function runRep(
  database: BenchDatabase,
  sim: TikTokSim,
  userId: string,
  workers: readonly BenchChild[],
  label: string,
): Promise<Rep> {
  const cpuBefore = await Promise.all(workers.map((worker) => readProcessCpuSeconds(worker.pid, true)));
  const postgresBefore = await postgresCpuSeconds(database);
  const benchBefore = process.cpuUsage();
  const entries = Array.from({ length: JOBS_PER_REP }, (_, index) => {
    const item = sim.addItem({ kind: 'video', username: `${label}_${index}` });
    const url = `https://www.tiktok.com/@${item.username}/video/${item.id}`;
    return {
      download: { id: randomUUID(), userId, inputUrl: url, canonicalUrl: url, searchText: url, priority: 0 },
      queue: 'media.download',
    };
  });
  await database.db.$transaction((tx) => insertDownloadsWithJobs(tx, database.boss, entries, JOBS));
  const ids = entries.map((entry) => entry.download.id);
  const deadline = Date.now() + 180_000;
  for (;;) {
    const open = await database.db.download.count({
      where: { id: { in: ids }, state: { in: ['queued', 'resolving', 'downloading'] } },
    });
    if (open === 0) break;
    if (Date.now() > deadline) throw new Error(`${open} downloads still open after 180 s (${label})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const [span] = await database.db.$queryRaw<{ firstMs: number; lastMs: number; done: number }[]>`
    SELECT (extract(epoch FROM min("startedAt")) * 1000)::float8 AS "firstMs",
           (extract(epoch FROM max("finishedAt")) * 1000)::float8 AS "lastMs",
           count(*) FILTER (WHERE state = 'done')::int AS done
      FROM "Download" WHERE id = ANY(${ids}::uuid[])`;
  if (span === undefined || span.done !== JOBS_PER_REP) {
    throw new Error(`only ${span?.done} of ${JOBS_PER_REP} downloads done (${label})`);
  }
  const cpuAfter = await Promise.all(workers.map((worker) => readProcessCpuSeconds(worker.pid, true)));
  const cpuSeconds = cpuAfter.reduce((sum, after, index) => sum + after - (cpuBefore[index] ?? 0), 0);
  const postgresSeconds = (await postgresCpuSeconds(database)) - postgresBefore;
  const bench = process.cpuUsage(benchBefore);
  return {
    jobsPerSecond: JOBS_PER_REP / ((span.lastMs - span.firstMs) / 1000),
    cpuMsPerJob: (cpuSeconds * 1000) / JOBS_PER_REP,
    postgresCpuMsPerJob: (postgresSeconds * 1000) / JOBS_PER_REP,
    benchCpuMsPerJob: (bench.user + bench.system) / 1000 / JOBS_PER_REP,
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export const multiWorkerCase: BenchCase = {
  name: 'worker.processes',
  metric: 'throughput, 2 processes',
  unit: 'jobs/s',
  target: null,
  targetRatio: 1.7,
  higherIsBetter: true,
  run: async () => {
    const database = await startBenchDatabase('multi-worker');
    const sim = await startTikTokSim({ port: 0, seed: 'none' });
    const dataDirs = await Promise.all(
      [1, 2].map((n) => mkdtemp(join(tmpdir(), `tiksavr-bench-multi-worker-${n}-`))),
    );
    const user = await database.db.user.create({
      data: { id: randomUUID(), name: 'Bench', email: 'multi-worker@example.test' },
    });
    const first = await startWorkerProcess(database, sim, 'worker 1', dataDirs[0]!);
    let second: BenchChild | null = null;
    try {
      // Warm-up: both processes fill their compile caches, pools and JIT.
      second = await startWorkerProcess(database, sim, 'worker 2', dataDirs[1]!);
      await runRep(database, sim, user.id, [first, second], 'warm');
      await second.stop();
      second = null;
      const one: Rep[] = [];
      const two: Rep[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        one.push(await runRep(database, sim, user.id, [first], `one${rep}`));
        second = await startWorkerProcess(database, sim, 'worker 2', dataDirs[1]!);
        two.push(await runRep(database, sim, user.id, [first, second], `two${rep}`));
        await second.stop();
        second = null;
      }
      const [grants] = await database.db.$queryRaw<{ granted: bigint }[]>`
        SELECT coalesce(sum(granted), 0)::bigint AS granted FROM "UpstreamMinute"`;
      const round = (value: number) => Math.round(value * 100) / 100;
      const grantsPerJob = round(Number(grants?.granted ?? 0) / ((2 * REPS + 1) * JOBS_PER_REP));
      return {
        value: median(two.map((rep) => rep.jobsPerSecond)),
        baseline: median(one.map((rep) => rep.jobsPerSecond)),
        details: {
          baselineIs: 'one worker process, same jobs, same run',
          concurrencyPerProcess: CONCURRENCY,
          jobsPerRep: JOBS_PER_REP,
          reps: REPS,
          twoProcessesJobsPerSecond: two.map((rep) => round(rep.jobsPerSecond)).join(', '),
          oneProcessJobsPerSecond: one.map((rep) => round(rep.jobsPerSecond)).join(', '),
          workerCpuMsPerJobTwo: round(median(two.map((rep) => rep.cpuMsPerJob))),
          workerCpuMsPerJobOne: round(median(one.map((rep) => rep.cpuMsPerJob))),
          postgresCpuMsPerJob: round(median([...one, ...two].map((rep) => rep.postgresCpuMsPerJob))),
          simulatorAndBenchCpuMsPerJob: round(median([...one, ...two].map((rep) => rep.benchCpuMsPerJob))),
          cpuCores: availableParallelism(),
          budgetGrantsPerJob: grantsPerJob,
          // The politeness budget at its widest (6000/min) lets the whole instance make 100 page
          // and API requests per second: the share one process uses already caps what two can add.
          budgetShareUsedByOneProcess: round(
            (median(one.map((rep) => rep.jobsPerSecond)) * grantsPerJob) / 100,
          ),
          budgetCeilingJobsPerSecond: round(100 / grantsPerJob),
        },
      };
    } finally {
      await Promise.all([first.stop(), second?.stop()]);
      await sim.close();
      await database.stop();
      await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
    }
  },
};
