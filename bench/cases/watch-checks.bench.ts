import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchLag } from '@tiksavr/db';
import type { SimCreator, SimRequestLogEntry } from '@tiksavr/tiktok-sim';
import {
  WATCH_DEFAULT_INTERVAL_SETTING,
  WATCH_MIN_INTERVAL_SETTING,
} from '../../apps/worker/src/jobs/watch/watch-intervals.ts';
import { UPSTREAM_RATE_SETTING } from '../../apps/worker/src/upstream-budget/index.ts';
import { WORKER_NODE_FLAGS, workerProcessEnv } from '../../apps/worker/src/worker-process-options.ts';
import { type BenchCase, percentile } from '../harness.ts';
import { createSeededRandom } from '../seeded-random.ts';
import { type BenchChild, readProcessCpuSeconds, startBenchChild } from './bench-child-process.ts';
import { type BenchDatabase, startBenchDatabase } from './web-bench-database.ts';

/**
 * worker.watch.*: 10,000 watches (10,000 creators, one watch each) on one worker process, the
 * simulator in its own process (issue #12 benchmarks). Time is compressed: the budget is 1,200
 * requests/min and the interval 480 s, so checks fall due at 1,250/min, 1.04× the budget: the
 * same ratio as 10,000 watches checked hourly against a budget of 160/min, 7.5× faster, so a
 * two-minute window holds ~2,400 checks. Profiles are known (as for watches older than a day), so
 * a check is one story-list request. First due times are spread evenly over the interval.
 *
 * Measured over MEASURE_SECONDS after WARMUP_SECONDS, from the worker's "creator checked" log
 * lines (startDelayMs: start − due time), /proc CPU time of the worker process (the simulator's
 * time, the upstream, is in the other process) and the simulator's request log:
 * - startDelay: p95 of check start delays; target ≤ 60 s;
 * - cpuPerCheck: worker CPU (everything it does: pg-boss, the budget, the ticks) ÷ checks; target < 5 ms;
 * - budgetUse: requests/min to the simulator against the budget; the budget is the baseline, so
 *   the ratio must be ≥ 0.9 (no idle tokens while work is due); `withinBudget` in details says
 *   no 60 s window exceeded it (+1 slot).
 * Profile the worker with BENCH_WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
 */
const WATCHES = 10_000;
const REQUESTS_PER_MINUTE = 1200;
const INTERVAL_SECONDS = 480;
const WARMUP_SECONDS = 20;
const MEASURE_SECONDS = 120;
const SETUP_CONCURRENCY = 32;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIM_CLI = join(REPO_ROOT, 'packages/tiktok-sim/src/cli.ts');
const WORKER_MAIN = join(REPO_ROOT, 'apps/worker/src/main.ts');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

type CheckLine = { time: number; startDelayMs: number; requests: number };

type ScenarioResult = {
  startDelayP95Seconds: number;
  startDelayP50Seconds: number;
  cpuPerCheckMs: number;
  requestsPerMinute: number;
  busiestMinute: number;
  checks: number;
  workerCpuSeconds: number;
  lagBehindSeconds: number;
};

async function simJson<T>(origin: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${origin}${path}`, init);
  if (!response.ok) throw new Error(`sim ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function addSimCreators(origin: string, count: number): Promise<SimCreator[]> {
  const creators: SimCreator[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: SETUP_CONCURRENCY }, async () => {
      while (next < count) {
        const index = next++;
        creators[index] = await simJson<SimCreator>(origin, '/__sim/creators', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ handle: `bench_creator_${index}` }),
        });
      }
    }),
  );
  return creators;
}

async function seedWatches(database: BenchDatabase, creators: readonly SimCreator[], firstDueAt: number) {
  const { db } = database;
  const user = await db.user.create({
    data: { id: crypto.randomUUID(), name: 'Bench', email: 'watch-checks@example.test' },
  });
  const random = createSeededRandom(12);
  const now = new Date();
  const rows = creators.map((creator) => ({
    id: crypto.randomUUID(),
    tiktokId: creator.tiktokId,
    secUid: creator.secUid,
    handle: creator.handle,
    handleKey: creator.handle.toLowerCase(),
    lastProfileAt: now,
    lastCheckedAt: new Date(now.getTime() - INTERVAL_SECONDS * 1000),
    nextCheckAt: new Date(firstDueAt + random.next() * INTERVAL_SECONDS * 1000),
  }));
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000);
    await db.creator.createMany({ data: chunk });
    await db.watch.createMany({ data: chunk.map((row) => ({ userId: user.id, creatorId: row.id })) });
  }
  for (const [key, value] of [
    [WATCH_DEFAULT_INTERVAL_SETTING, INTERVAL_SECONDS],
    [WATCH_MIN_INTERVAL_SETTING, 60],
    [UPSTREAM_RATE_SETTING, REQUESTS_PER_MINUTE],
  ] as const) {
    await db.setting.create({ data: { key, value } });
  }
}

function busiestMinute(entries: readonly SimRequestLogEntry[]): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < entries.length; end++) {
    while ((entries[end]?.at ?? 0) - (entries[start]?.at ?? 0) >= 60_000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

async function runScenario(): Promise<ScenarioResult> {
  const children: BenchChild[] = [];
  let database: BenchDatabase | null = null;
  const scratch = await mkdtemp(join(tmpdir(), 'tiksavr-bench-watch-'));
  try {
    database = await startBenchDatabase('watch-checks');
    const sim = await startBenchChild({
      name: 'tiktok-sim',
      args: [SIM_CLI, '--port', '0', '--seed', 'none'],
      env: process.env,
      cwd: REPO_ROOT,
      isReady: (line) => line.startsWith('{"ready":true'),
      readyTimeoutMs: 20_000,
    });
    children.push(sim);
    const origin = (JSON.parse(sim.readyLine) as { origin: string }).origin;
    const creators = await addSimCreators(origin, WATCHES);
    // Nothing is due before the worker has started and warmed up.
    const firstDueAt = Date.now() + 15_000;
    await seedWatches(database, creators, firstDueAt);

    const checks: CheckLine[] = [];
    const worker = await startBenchChild({
      name: 'worker',
      args: [
        ...WORKER_NODE_FLAGS,
        ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        WORKER_MAIN,
      ],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        DATA_DIR: join(scratch, 'data'),
        TIKTOK_ORIGIN: origin,
        WORKER_HEARTBEAT_SECONDS: '5',
        ...workerProcessEnv(REPO_ROOT),
        LOG_LEVEL: 'info',
      },
      cwd: REPO_ROOT,
      isReady: (line) => line.includes('[worker] ready'),
      readyTimeoutMs: 30_000,
      onLine: (line) => {
        if (!line.includes('"msg":"creator checked"')) return;
        const entry = JSON.parse(line) as { time: number; startDelayMs: number; requests: number };
        checks.push({ time: entry.time, startDelayMs: entry.startDelayMs, requests: entry.requests });
      },
    });
    children.push(worker);

    await sleep(Math.max(0, firstDueAt - Date.now()) + WARMUP_SECONDS * 1000);
    await simJson(origin, '/__sim/requests', { method: 'DELETE' });
    const from = Date.now();
    const cpuBefore = await readProcessCpuSeconds(worker.pid, true);
    await sleep(MEASURE_SECONDS * 1000);
    const cpuAfter = await readProcessCpuSeconds(worker.pid, true);
    const to = Date.now();
    const lag = await watchLag(database.db);
    const log = (await simJson<SimRequestLogEntry[]>(origin, '/__sim/requests')).filter(
      (entry) => entry.kind !== 'media' && entry.at >= from && entry.at < to,
    );

    const measured = checks.filter((check) => check.time >= from && check.time < to);
    const delays = measured.map((check) => check.startDelayMs / 1000).sort((a, b) => a - b);
    const workerCpuSeconds = cpuAfter - cpuBefore;
    return {
      startDelayP95Seconds: round(percentile(delays, 0.95)),
      startDelayP50Seconds: round(percentile(delays, 0.5)),
      cpuPerCheckMs: round((workerCpuSeconds * 1000) / Math.max(1, measured.length)),
      requestsPerMinute: round((log.length * 60_000) / (to - from), 1),
      busiestMinute: busiestMinute(log),
      checks: measured.length,
      workerCpuSeconds: round(workerCpuSeconds),
      lagBehindSeconds: lag.behindBySeconds,
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
    await database?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** One run serves the three cases (it takes a few minutes). */
let scenario: Promise<ScenarioResult> | null = null;
const sharedScenario = () => {
  scenario ??= runScenario();
  return scenario;
};

function details(result: ScenarioResult) {
  return {
    watches: WATCHES,
    budgetPerMinute: REQUESTS_PER_MINUTE,
    intervalSeconds: INTERVAL_SECONDS,
    measuredSeconds: MEASURE_SECONDS,
    checks: result.checks,
    startDelayP50Seconds: result.startDelayP50Seconds,
    workerCpuSeconds: result.workerCpuSeconds,
    busiestMinute: result.busiestMinute,
    withinBudget: result.busiestMinute <= REQUESTS_PER_MINUTE + 1,
    watchLagSeconds: result.lagBehindSeconds,
  };
}

export const watchStartDelayCase: BenchCase = {
  name: 'worker.watch.startDelay',
  metric: 'p95 check start after due time',
  unit: 's',
  target: 60,
  higherIsBetter: false,
  run: async () => {
    const result = await sharedScenario();
    return { value: result.startDelayP95Seconds, baseline: null, details: details(result) };
  },
};

export const watchCpuPerCheckCase: BenchCase = {
  name: 'worker.watch.cpuPerCheck',
  metric: 'worker CPU per check (upstream excluded)',
  unit: 'ms',
  target: 5,
  higherIsBetter: false,
  run: async () => {
    const result = await sharedScenario();
    return { value: result.cpuPerCheckMs, baseline: null, details: details(result) };
  },
};

export const watchBudgetUseCase: BenchCase = {
  name: 'worker.watch.budgetUse',
  metric: 'requests/min (baseline: the budget)',
  unit: 'req/min',
  target: null,
  targetRatio: 0.9,
  higherIsBetter: true,
  run: async () => {
    const result = await sharedScenario();
    return { value: result.requestsPerMinute, baseline: REQUESTS_PER_MINUTE, details: details(result) };
  },
};
