import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { resolve } from '@tiksavr/core';
import { bossDbFor } from '@tiksavr/db';
import type { BenchCase } from '../harness.ts';
import {
  type BenchChild,
  readProcessCpuSeconds,
  readProcessMemory,
  readProcessReadBytes,
  startBenchChild,
} from './bench-child-process.ts';
import { type BenchDatabase, startBenchDatabase } from './web-bench-database.ts';

const run = promisify(execFile);

/**
 * worker.download: MB/s of one large synthetic video saved by the worker (resolve → GET →
 * sha256 → temp file → fsync → rename → `done`), submit to `done`, against `/usr/bin/curl` on the
 * same signed URL with the same headers, writing to a file (no fsync). Issue "Worker": ≥ 0.8×
 * curl, worker peak RSS < 150 MB and flat as the file grows.
 *
 * The simulator and the worker each run as their own process (`tiktok-sim/src/cli.ts`,
 * `worker/src/main.ts`), as in production: in the bench process they would share one event loop
 * with each other and the bench. The bench only submits (Download row + job in one transaction)
 * and polls the row every 20 ms. From /proc it reads the worker's memory (idle before the first
 * download; the VmRSS peak, sampled every 20 ms, during a 100 MiB and during the 500 MiB
 * downloads; VmHWM), its read byte count (rchar: the window in which the media body arrives, for
 * the pure transfer rate) and the CPU time of the worker and the sim per download.
 *
 * `target` stays null: the speed target is relative to curl in the same run (the harness
 * has only absolute targets), so `details` carries `ratioPass` and `rssPass`.
 * Profile the worker with BENCH_WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
 */
const MIB = 1024 * 1024;
const LARGE_BYTES = 500 * MIB;
const SMALL_BYTES = 100 * MIB;
/** The 100 MB rep first (it also warms the worker up), then two 500 MB reps. */
const PLAN: readonly { bytes: number; curlFirst: boolean }[] = [
  { bytes: SMALL_BYTES, curlFirst: true },
  { bytes: LARGE_BYTES, curlFirst: true },
  { bytes: LARGE_BYTES, curlFirst: false },
];
const TARGET_RATIO = 0.8;
const TARGET_PEAK_RSS_MB = 150;
const SAMPLE_MS = 20;
const DOWNLOAD_TIMEOUT_MS = 60_000;
/** Read bytes above the pre-submit count that mean the media body is flowing (page + JSON ≪ 1 MiB). */
const TRANSFER_STARTED_BYTES = MIB;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIM_CLI = join(REPO_ROOT, 'packages/tiktok-sim/src/cli.ts');
const WORKER_MAIN = join(REPO_ROOT, 'apps/worker/src/main.ts');

const mb = (bytes: number) => bytes / 1e6;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

type SimItem = { id: string; username: string };
type SimMedia = { sha256: string; size: number };

async function simJson<T>(origin: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${origin}${path}`, init);
  if (!response.ok) throw new Error(`sim ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function addLargeVideo(origin: string, username: string, bytes: number) {
  const { item } = await simJson<{ item: SimItem }>(origin, '/__sim/items', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'video', username, largeBytes: bytes }),
  });
  // Asked now, so the sim hashes the file before anything is timed (it memoises the digest).
  const expected = await simJson<SimMedia>(origin, `/__sim/media?itemId=${item.id}&role=video&index=0`);
  if (expected.size !== bytes) throw new Error(`sim serves ${expected.size} bytes, asked ${bytes}`);
  return { url: `https://www.tiktok.com/@${item.username}/video/${item.id}`, itemId: item.id, expected };
}

type CurlRun = { readonly rate: number; readonly simCpuSeconds: number };

/** curl on the URL and headers the worker would use; MB/s including curl's start. */
async function curlRun(sim: BenchChild, origin: string, url: string, bytes: number, scratch: string) {
  const resolved = await resolve(url, { origin, includeCover: false });
  const asset = resolved.plan.assets[0];
  const media = asset?.candidates[0];
  if (asset?.role !== 'video' || media === undefined) throw new Error('no video URL in the plan');
  const headers = Object.entries(resolved.mediaRequest.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const out = join(scratch, 'curl-out');
  try {
    const simCpuBefore = await readProcessCpuSeconds(sim.pid);
    const started = performance.now();
    await run('/usr/bin/curl', ['-sf', '-o', out, ...headers, media], { timeout: DOWNLOAD_TIMEOUT_MS });
    const seconds = (performance.now() - started) / 1000;
    const simCpuSeconds = (await readProcessCpuSeconds(sim.pid)) - simCpuBefore;
    if ((await stat(out)).size !== bytes) throw new Error('curl got a short file');
    return { rate: mb(bytes) / seconds, simCpuSeconds } satisfies CurlRun;
  } finally {
    await rm(out, { force: true });
  }
}

/** A Download row + its job in one transaction, as the web app does (see worker-bench-world.ts). */
function submit(database: BenchDatabase, userId: string, url: string): Promise<string> {
  return database.db.$transaction(async (tx) => {
    const row = await tx.download.create({
      data: { userId, inputUrl: url, canonicalUrl: url, searchText: url },
    });
    const jobId = await database.boss.send('media.download', { downloadId: row.id }, { db: bossDbFor(tx) });
    await tx.download.update({ where: { id: row.id }, data: { jobId } });
    return row.id;
  });
}

type WorkerRun = {
  /** Submit → `done`. */
  readonly endToEndSeconds: number;
  /** The media body alone: from its first MiB to its last byte read by the worker. */
  readonly transferSeconds: number;
  /** Submit → body flowing: pickup, resolve, DB writes. */
  readonly beforeSeconds: number;
  /** Last byte read → `done`: fsync, rename, Asset row, `done` transaction. */
  readonly afterSeconds: number;
  readonly peakRssBytes: number;
  /** CPU seconds (user + system) used from submit to `done`. */
  readonly workerCpuSeconds: number;
  readonly simCpuSeconds: number;
};

/** Submits the download and watches the worker process until the Download is terminal. */
async function workerRun(
  database: BenchDatabase,
  processes: { worker: BenchChild; sim: BenchChild },
  userId: string,
  target: { url: string; itemId: string; expected: SimMedia },
): Promise<WorkerRun> {
  const { worker, sim } = processes;
  const readBefore = await readProcessReadBytes(worker.pid);
  const workerCpuBefore = await readProcessCpuSeconds(worker.pid);
  const simCpuBefore = await readProcessCpuSeconds(sim.pid);
  let peakRssBytes = (await readProcessMemory(worker.pid)).rssBytes;
  let lastQuietAt = performance.now();
  let bodyEndedAt: number | null = null;
  const submittedAt = performance.now();
  const id = await submit(database, userId, target.url);
  const deadline = submittedAt + DOWNLOAD_TIMEOUT_MS;
  for (;;) {
    const [memory, readBytes, row] = await Promise.all([
      readProcessMemory(worker.pid),
      readProcessReadBytes(worker.pid),
      database.db.download.findUniqueOrThrow({ where: { id }, select: { state: true } }),
    ]).catch((error: unknown) => {
      throw new Error(`watching the worker failed (${error}); its last output:\n${worker.outputTail()}`);
    });
    const now = performance.now();
    peakRssBytes = Math.max(peakRssBytes, memory.rssBytes);
    const read = readBytes - readBefore;
    if (read < TRANSFER_STARTED_BYTES) lastQuietAt = now;
    if (bodyEndedAt === null && read >= target.expected.size) bodyEndedAt = now;
    if (!['queued', 'resolving', 'downloading'].includes(row.state)) break;
    if (now > deadline) throw new Error(`download still ${row.state} after ${DOWNLOAD_TIMEOUT_MS} ms`);
    await sleep(SAMPLE_MS);
  }
  const doneAt = performance.now();
  const workerCpuSeconds = (await readProcessCpuSeconds(worker.pid)) - workerCpuBefore;
  const simCpuSeconds = (await readProcessCpuSeconds(sim.pid)) - simCpuBefore;

  const row = await database.db.download.findUniqueOrThrow({ where: { id } });
  if (row.state !== 'done') {
    throw new Error(
      `download ${row.state}: ${row.failureCode} ${row.failureMessage}\n${worker.outputTail()}`,
    );
  }
  const video = await database.db.asset.findFirst({ where: { itemId: target.itemId, role: 'video' } });
  if (video?.sha256 !== target.expected.sha256 || Number(video.size) !== target.expected.size) {
    throw new Error(`the worker stored ${video?.size} bytes sha256 ${video?.sha256}, not the sim's file`);
  }
  const bodyEnd = bodyEndedAt ?? doneAt;
  return {
    endToEndSeconds: (doneAt - submittedAt) / 1000,
    transferSeconds: (bodyEnd - lastQuietAt) / 1000,
    beforeSeconds: (lastQuietAt - submittedAt) / 1000,
    afterSeconds: (doneAt - bodyEnd) / 1000,
    peakRssBytes,
    workerCpuSeconds,
    simCpuSeconds,
  };
}

export const workerDownloadSpeedCase: BenchCase = {
  name: 'worker.download',
  metric: 'throughput',
  unit: 'MB/s',
  target: null,
  targetRatio: TARGET_RATIO,
  higherIsBetter: true,
  run: async () => {
    const children: BenchChild[] = [];
    let database: BenchDatabase | undefined;
    const scratch = await mkdtemp(join(tmpdir(), 'tiksavr-bench-download-'));
    try {
      database = await startBenchDatabase('worker-download');
      const user = await database.db.user.create({
        data: { id: crypto.randomUUID(), name: 'Bench', email: 'worker-download@example.test' },
      });
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
      const worker = await startBenchChild({
        name: 'worker',
        args: [...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), WORKER_MAIN],
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          DATA_DIR: join(scratch, 'data'),
          TIKTOK_ORIGIN: origin,
          WORKER_CONCURRENCY: '1',
          LOG_LEVEL: 'info',
        },
        cwd: REPO_ROOT,
        isReady: (line) => line.includes('[worker] ready'),
        readyTimeoutMs: 30_000,
      });
      children.push(worker);

      // Idle: the settled worker, before any download.
      await sleep(1_000);
      const idleRssBytes = (await readProcessMemory(worker.pid)).rssBytes;

      const workerRuns: { bytes: number; run: WorkerRun }[] = [];
      const curlRuns: { bytes: number; run: CurlRun }[] = [];
      const processes = { worker, sim };
      for (const [rep, { bytes, curlFirst }] of PLAN.entries()) {
        const target = await addLargeVideo(origin, `big_${rep}`, bytes);
        if (curlFirst) curlRuns.push({ bytes, run: await curlRun(sim, origin, target.url, bytes, scratch) });
        workerRuns.push({ bytes, run: await workerRun(database, processes, user.id, target) });
        if (!curlFirst) curlRuns.push({ bytes, run: await curlRun(sim, origin, target.url, bytes, scratch) });
      }
      const sized = <T>(runs: { bytes: number; run: T }[], bytes: number) =>
        runs.filter((entry) => entry.bytes === bytes).map((entry) => entry.run);
      const large = sized(workerRuns, LARGE_BYTES);
      const small = sized(workerRuns, SMALL_BYTES);
      const curlLarge = sized(curlRuns, LARGE_BYTES);
      const curlSmall = sized(curlRuns, SMALL_BYTES);
      const rate = (entry: WorkerRun, bytes: number) => mb(bytes) / entry.endToEndSeconds;
      const transferRate = (entry: WorkerRun) => mb(LARGE_BYTES) / entry.transferSeconds;
      const perMb = (seconds: number) => round((seconds * 1000) / mb(LARGE_BYTES), 2);

      const value = mean(large.map((entry) => rate(entry, LARGE_BYTES)));
      const baseline = mean(curlLarge.map((entry) => entry.rate));
      const peak100 = Math.max(...small.map((entry) => entry.peakRssBytes));
      const peak500 = Math.max(...large.map((entry) => entry.peakRssBytes));
      // VmHWM is the kernel's peak; a 20 ms VmRSS sample can see a little more before it updates.
      const lifetimePeak = Math.max((await readProcessMemory(worker.pid)).peakRssBytes, peak100, peak500);
      const transfer = mean(large.map(transferRate));
      const list = (values: number[]) => values.map((entry) => round(entry)).join(', ');
      return {
        value,
        baseline,
        details: {
          sizes: `${SMALL_BYTES / MIB} MiB ×${small.length}, ${LARGE_BYTES / MIB} MiB ×${large.length} (MB/s = 10^6 bytes/s)`,
          valueIs: `mean of the ${LARGE_BYTES / MIB} MiB reps, submit → done (pickup, resolve, DB writes, fsync included)`,
          baselineIs: 'curl -sf -o FILE, same signed URL and headers, same sim process, no fsync',
          workerRepsMBps: list(large.map((entry) => rate(entry, LARGE_BYTES))),
          curlRepsMBps: list(curlLarge.map((entry) => entry.rate)),
          transferMBps: round(transfer),
          transferRatio: round(transfer / baseline, 2),
          transferRepsMBps: list(large.map(transferRate)),
          beforeBodyMs: large.map((entry) => Math.round(entry.beforeSeconds * 1000)).join(', '),
          afterBodyMs: large.map((entry) => Math.round(entry.afterSeconds * 1000)).join(', '),
          workerCpuMsPerMb: perMb(mean(large.map((entry) => entry.workerCpuSeconds))),
          simCpuMsPerMbForWorker: perMb(mean(large.map((entry) => entry.simCpuSeconds))),
          simCpuMsPerMbForCurl: perMb(mean(curlLarge.map((entry) => entry.simCpuSeconds))),
          worker100MBps: round(mean(small.map((entry) => rate(entry, SMALL_BYTES)))),
          curl100MBps: round(mean(curlSmall.map((entry) => entry.rate))),
          idleRssMb: round(mb(idleRssBytes)),
          peakRss100Mb: round(mb(peak100)),
          peakRss500Mb: round(mb(peak500)),
          flatnessMb: round(mb(peak500 - peak100)),
          lifetimePeakRssMb: round(mb(lifetimePeak)),
          targetRatio: TARGET_RATIO,
          ratioPass: value / baseline >= TARGET_RATIO,
          targetPeakRssMb: TARGET_PEAK_RSS_MB,
          rssPass: mb(lifetimePeak) < TARGET_PEAK_RSS_MB,
        },
      };
    } finally {
      // Worker first (it holds DB connections), then the sim, then the database.
      for (const child of children.reverse()) await child.stop().catch(() => {});
      await database?.stop().catch(() => {});
      await rm(scratch, { recursive: true, force: true });
    }
  },
};
