import { execFile } from 'node:child_process';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { resolve } from '@tiksavr/core';
import { bossDbFor } from '@tiksavr/db';
import { WORKER_NODE_FLAGS, workerProcessEnv } from '../../apps/worker/src/worker-process-options.ts';
import type { BenchCase } from '../harness.ts';
import {
  type BenchChild,
  readProcessCpuSeconds,
  readProcessMemory,
  readProcessTreeRss,
  startBenchChild,
} from './bench-child-process.ts';
import { type BenchDatabase, startBenchDatabase } from './web-bench-database.ts';

const run = promisify(execFile);

/**
 * worker.download: MB/s of one large synthetic video saved by the worker, against `/usr/bin/curl`
 * on the same signed URL with the same headers, writing to a file (no fsync). Issue "Worker":
 * ≥ 0.8× curl, worker peak RSS < 150 MB and flat as the file grows.
 *
 * The value is the worker's download of the media file: from its first media request to the
 * file in place (received, sha256 over every byte, fsynced, renamed into storage), timed by the
 * worker's own `asset stored` log line — what curl's run is, plus hashing and fsync. Submit →
 * `done` (pickup, page resolve, DB writes included) is reported too, as `endToEnd*`.
 *
 * The simulator and the worker each run as their own process (`tiktok-sim/src/cli.ts`,
 * `worker/src/main.ts`, started as npm start starts it: worker-process-options.ts), as in
 * production. The worker is started once before the measured run, as every start after the first
 * finds Node's compile cache filled. The bench submits (Download row + job in one transaction),
 * polls the row every 20 ms and samples from /proc the worker's memory (idle before the first
 * download; VmRSS peak during a 100 MiB and during the 500 MiB downloads; VmHWM) and that of its
 * children (the curl of the download), and the CPU time of the worker (its curls included) and
 * of the sim per download.
 *
 * `target` stays null: the speed target is relative to curl in the same run (the harness
 * has only absolute targets), so `details` carries `ratioPass` and `rssPass`.
 * Profile the worker with BENCH_WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof';
 * BENCH_WORKER_TRANSFER=node measures the node:http transfer instead of curl.
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

type CurlRun = {
  /** MB/s of curl writing the file (into the page cache), its start included. */
  readonly rate: number;
  /** MB/s of the same run up to the file being on disk: curl, then fsync — the worker's durability. */
  readonly durableRate: number;
  readonly simCpuSeconds: number;
};

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

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
    await fsyncFile(out);
    const durableSeconds = (performance.now() - started) / 1000;
    const simCpuSeconds = (await readProcessCpuSeconds(sim.pid)) - simCpuBefore;
    if ((await stat(out)).size !== bytes) throw new Error('curl got a short file');
    return {
      rate: mb(bytes) / seconds,
      durableRate: mb(bytes) / durableSeconds,
      simCpuSeconds,
    } satisfies CurlRun;
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
  /** First media request → file in place, from the worker's `asset stored` log line. */
  readonly downloadSeconds: number;
  /** Peak VmRSS of the worker process. */
  readonly peakRssBytes: number;
  /** Peak of the worker's RSS plus its children's (the curl of the download) at one sample. */
  readonly peakTreeRssBytes: number;
  /** CPU seconds (user + system) from submit to `done`, the worker's curls included. */
  readonly workerCpuSeconds: number;
  readonly simCpuSeconds: number;
  /** Which transfer brought the video (the worker's log). */
  readonly transfer: string;
};

type StoredLog = {
  readonly downloadId: string;
  readonly role: string;
  readonly bytes: number;
  readonly ms: number;
  readonly transfer: string;
};

/** The worker's `asset stored` lines (pino JSON) of videos, by download id. */
function createStoredLogBook() {
  const entries = new Map<string, StoredLog>();
  return {
    onLine(line: string) {
      if (!line.includes('"asset stored"')) return;
      const entry = JSON.parse(line) as StoredLog;
      if (entry.role === 'video') entries.set(entry.downloadId, entry);
    },
    get: (downloadId: string) => entries.get(downloadId),
  };
}

/** Submits the download and watches the worker process until the Download is terminal. */
async function workerRun(
  database: BenchDatabase,
  processes: { worker: BenchChild; sim: BenchChild },
  stored: ReturnType<typeof createStoredLogBook>,
  userId: string,
  target: { url: string; itemId: string; expected: SimMedia },
): Promise<WorkerRun> {
  const { worker, sim } = processes;
  const workerCpuBefore = await readProcessCpuSeconds(worker.pid, true);
  const simCpuBefore = await readProcessCpuSeconds(sim.pid);
  let peakRssBytes = (await readProcessMemory(worker.pid)).rssBytes;
  let peakTreeRssBytes = peakRssBytes;
  const submittedAt = performance.now();
  const id = await submit(database, userId, target.url);
  const deadline = submittedAt + DOWNLOAD_TIMEOUT_MS;
  for (;;) {
    const [memory, row] = await Promise.all([
      readProcessTreeRss(worker.pid),
      database.db.download.findUniqueOrThrow({ where: { id }, select: { state: true } }),
    ]).catch((error: unknown) => {
      throw new Error(`watching the worker failed (${error}); its last output:\n${worker.outputTail()}`);
    });
    peakRssBytes = Math.max(peakRssBytes, memory.ownBytes);
    peakTreeRssBytes = Math.max(peakTreeRssBytes, memory.ownBytes + memory.childrenBytes);
    if (!['queued', 'resolving', 'downloading'].includes(row.state)) break;
    if (performance.now() > deadline)
      throw new Error(`download still ${row.state} after ${DOWNLOAD_TIMEOUT_MS} ms`);
    await sleep(SAMPLE_MS);
  }
  const doneAt = performance.now();
  const workerCpuSeconds = (await readProcessCpuSeconds(worker.pid, true)) - workerCpuBefore;
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
  const log = stored.get(id);
  if (log?.bytes !== target.expected.size) {
    throw new Error(`no "asset stored" log line for ${id}: ${JSON.stringify(log)}\n${worker.outputTail()}`);
  }
  return {
    endToEndSeconds: (doneAt - submittedAt) / 1000,
    downloadSeconds: log.ms / 1000,
    peakRssBytes,
    peakTreeRssBytes,
    workerCpuSeconds,
    simCpuSeconds,
    transfer: log.transfer,
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
      const stored = createStoredLogBook();
      const startWorker = () =>
        startBenchChild({
          name: 'worker',
          args: [
            ...WORKER_NODE_FLAGS,
            ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
            WORKER_MAIN,
          ],
          env: {
            ...process.env,
            DATABASE_URL: database?.url ?? '',
            DATA_DIR: join(scratch, 'data'),
            TIKTOK_ORIGIN: origin,
            WORKER_CONCURRENCY: '1',
            WORKER_TRANSFER: process.env.BENCH_WORKER_TRANSFER ?? 'auto',
            ...workerProcessEnv(REPO_ROOT),
            LOG_LEVEL: 'info',
          },
          cwd: REPO_ROOT,
          isReady: (line) => line.includes('[worker] ready'),
          readyTimeoutMs: 30_000,
          onLine: stored.onLine,
        });
      // A first start fills Node's compile cache (a fresh clone has none), as any first start does.
      await (await startWorker()).stop();
      const worker = await startWorker();
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
        workerRuns.push({ bytes, run: await workerRun(database, processes, stored, user.id, target) });
        if (!curlFirst) curlRuns.push({ bytes, run: await curlRun(sim, origin, target.url, bytes, scratch) });
      }
      const sized = <T>(runs: { bytes: number; run: T }[], bytes: number) =>
        runs.filter((entry) => entry.bytes === bytes).map((entry) => entry.run);
      const large = sized(workerRuns, LARGE_BYTES);
      const small = sized(workerRuns, SMALL_BYTES);
      const curlLarge = sized(curlRuns, LARGE_BYTES);
      const curlSmall = sized(curlRuns, SMALL_BYTES);
      const endToEndRate = (entry: WorkerRun, bytes: number) => mb(bytes) / entry.endToEndSeconds;
      const downloadRate = (entry: WorkerRun, bytes: number) => mb(bytes) / entry.downloadSeconds;
      const perMb = (seconds: number) => round((seconds * 1000) / mb(LARGE_BYTES), 2);

      const value = mean(large.map((entry) => downloadRate(entry, LARGE_BYTES)));
      const baseline = mean(curlLarge.map((entry) => entry.rate));
      const durableBaseline = mean(curlLarge.map((entry) => entry.durableRate));
      const endToEnd = mean(large.map((entry) => endToEndRate(entry, LARGE_BYTES)));
      const peak100 = Math.max(...small.map((entry) => entry.peakRssBytes));
      const peak500 = Math.max(...large.map((entry) => entry.peakRssBytes));
      const treePeak = Math.max(...[...small, ...large].map((entry) => entry.peakTreeRssBytes));
      // VmHWM is the kernel's peak; a 20 ms VmRSS sample can see a little more before it updates.
      const lifetimePeak = Math.max((await readProcessMemory(worker.pid)).peakRssBytes, peak100, peak500);
      const list = (values: number[]) => values.map((entry) => round(entry)).join(', ');
      return {
        value,
        baseline,
        details: {
          transfer: [...new Set(large.map((entry) => entry.transfer))].join(', '),
          sizes: `${SMALL_BYTES / MIB} MiB ×${small.length}, ${LARGE_BYTES / MIB} MiB ×${large.length} (MB/s = 10^6 bytes/s)`,
          valueIs: `mean of the ${LARGE_BYTES / MIB} MiB reps: first media request → file hashed, fsynced and in place (the worker's "asset stored" log)`,
          baselineIs: 'curl -sf -o FILE, same signed URL and headers, same sim process, no hash, no fsync',
          workerRepsMBps: list(large.map((entry) => downloadRate(entry, LARGE_BYTES))),
          curlRepsMBps: list(curlLarge.map((entry) => entry.rate)),
          curlThenFsyncMBps: round(durableBaseline),
          ratioToCurlThenFsync: round(value / durableBaseline, 2),
          endToEndMBps: round(endToEnd),
          endToEndRatio: round(endToEnd / baseline, 2),
          endToEndRepsMBps: list(large.map((entry) => endToEndRate(entry, LARGE_BYTES))),
          beforeDownloadMs: large
            .map((entry) => Math.round((entry.endToEndSeconds - entry.downloadSeconds) * 1000))
            .join(', '),
          workerCpuMsPerMb: perMb(mean(large.map((entry) => entry.workerCpuSeconds))),
          simCpuMsPerMbForWorker: perMb(mean(large.map((entry) => entry.simCpuSeconds))),
          simCpuMsPerMbForCurl: perMb(mean(curlLarge.map((entry) => entry.simCpuSeconds))),
          worker100MBps: round(mean(small.map((entry) => downloadRate(entry, SMALL_BYTES)))),
          curl100MBps: round(mean(curlSmall.map((entry) => entry.rate))),
          idleRssMb: round(mb(idleRssBytes)),
          peakRss100Mb: round(mb(peak100)),
          peakRss500Mb: round(mb(peak500)),
          flatnessMb: round(mb(peak500 - peak100)),
          lifetimePeakRssMb: round(mb(lifetimePeak)),
          peakRssWithCurlMb: round(mb(treePeak)),
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
