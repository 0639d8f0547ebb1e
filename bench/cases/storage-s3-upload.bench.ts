import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { bossDbFor } from '@tiksavr/db';
import { WORKER_NODE_FLAGS, workerProcessEnv } from '../../apps/worker/src/worker-process-options.ts';
import type { BenchCase } from '../harness.ts';
import {
  type BenchChild,
  readProcessMemory,
  readProcessTreeRss,
  startBenchChild,
} from './bench-child-process.ts';
import { type BenchDatabase, startBenchDatabase } from './web-bench-database.ts';

/**
 * storage.s3Upload: a worker with `STORAGE_URL=s3://…` saves a large video into an S3 server
 * (s3rver on loopback, its own process), against an AWS SDK `Upload` (@aws-sdk/lib-storage, its
 * defaults) of the same bytes from a file, in this process, to the same server. Issue #15:
 * ≥ 0.8× the SDK's MB/s; worker RSS under 150 MB and flat.
 *
 * The value is the worker's upload: from its first request on the object's key (the dedup HEAD)
 * to the answer of the last (CompleteMultipartUpload), timed by the S3 server's own request log.
 * The worker first receives the file from the simulator into `<DATA_DIR>/tmp` (curl, hashed as
 * it lands; see s3-storage.ts for why), then uploads it, parts streamed from the file. The whole
 * store (first media request → object in the bucket, the worker's `asset stored` log) is in
 * `details` as `storeMBps`, with its ratio. The baseline file is the object the worker stored,
 * read back from the bucket (so the bytes are the same); each object is deleted after its rep.
 *
 * The worker's memory is sampled from /proc every 20 ms from submit to `done`: its own VmRSS
 * (curl, a child process, apart), idle before, the peak during a 100 MiB and during the 500 MiB
 * reps (flatness: 500 MiB peak − 100 MiB peak), and VmHWM.
 */
const MIB = 1024 * 1024;
const LARGE_BYTES = 500 * MIB;
const SMALL_BYTES = 100 * MIB;
const PLAN = [SMALL_BYTES, LARGE_BYTES, LARGE_BYTES] as const;
const TARGET_RATIO = 0.8;
const TARGET_PEAK_RSS_MB = 150;
const SAMPLE_MS = 20;
const TIMEOUT_MS = 120_000;
const PREFIX = 'bench';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIM_CLI = join(REPO_ROOT, 'packages/tiktok-sim/src/cli.ts');
const S3_CLI = join(REPO_ROOT, 'packages/storage/src/testing/s3-test-server-cli.ts');
const WORKER_MAIN = join(REPO_ROOT, 'apps/worker/src/main.ts');

const mb = (bytes: number) => bytes / 1e6;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

type S3Request = { method: string; path: string; query: string; startedAt: number; endedAt: number };
type StoredLog = { downloadId: string; role: string; bytes: number; ms: number; transfer: string };

async function simJson<T>(origin: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${origin}${path}`, init);
  if (!response.ok) throw new Error(`sim ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function addLargeVideo(origin: string, username: string, bytes: number) {
  const { item } = await simJson<{ item: { id: string; username: string } }>(origin, '/__sim/items', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'video', username, largeBytes: bytes }),
  });
  const expected = await simJson<{ sha256: string; size: number }>(
    origin,
    `/__sim/media?itemId=${item.id}&role=video&index=0`,
  );
  return { url: `https://www.tiktok.com/@${item.username}/video/${item.id}`, itemId: item.id, expected };
}

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
  readonly objectKey: string;
  /** First request on the key → last answer, from the S3 server's log. */
  readonly uploadSeconds: number;
  /** First media request → object stored (the worker's log). */
  readonly storeSeconds: number;
  readonly peakRssBytes: number;
  /** Peak VmRSS while the file was being received (before the first S3 request on its key). */
  readonly peakReceiveRssBytes: number;
  /** Peak VmRSS from the first S3 request on the key to the end of the upload. */
  readonly peakUploadRssBytes: number;
  readonly peakChildrenRssBytes: number;
  readonly transfer: string;
};

async function workerRun(
  world: { database: BenchDatabase; worker: BenchChild; userId: string },
  logs: { s3: S3Request[]; stored: Map<string, StoredLog> },
  target: Awaited<ReturnType<typeof addLargeVideo>>,
): Promise<WorkerRun> {
  const { database, worker } = world;
  let peakRssBytes = 0;
  let peakChildrenRssBytes = 0;
  const samples: { at: number; rss: number }[] = [];
  const id = await submit(database, world.userId, target.url);
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    const [memory, row] = await Promise.all([
      readProcessTreeRss(worker.pid),
      database.db.download.findUniqueOrThrow({ where: { id }, select: { state: true } }),
    ]);
    peakRssBytes = Math.max(peakRssBytes, memory.ownBytes);
    samples.push({ at: Date.now(), rss: memory.ownBytes });
    peakChildrenRssBytes = Math.max(peakChildrenRssBytes, memory.childrenBytes);
    if (!['queued', 'resolving', 'downloading'].includes(row.state)) break;
    if (performance.now() > deadline) throw new Error(`download still ${row.state} after ${TIMEOUT_MS} ms`);
    await sleep(SAMPLE_MS);
  }
  const row = await database.db.download.findUniqueOrThrow({ where: { id } });
  if (row.state !== 'done') {
    throw new Error(
      `download ${row.state}: ${row.failureCode} ${row.failureMessage}\n${worker.outputTail()}`,
    );
  }
  const video = await database.db.asset.findFirst({ where: { itemId: target.itemId, role: 'video' } });
  if (video?.sha256 !== target.expected.sha256)
    throw new Error('the worker stored other bytes than the sim served');
  const objectKey = `${PREFIX}/${video.storageKey}`;
  const onKey = logs.s3.filter((request) => request.path.endsWith(`/${objectKey}`));
  if (!onKey.some((request) => request.method === 'POST' && /uploadId=/.test(request.query))) {
    throw new Error(`no CompleteMultipartUpload for ${objectKey} in the S3 log`);
  }
  const uploadStart = Math.min(...onKey.map((request) => request.startedAt));
  const uploadEnd = Math.max(...onKey.map((request) => request.endedAt));
  const uploadSeconds = (uploadEnd - uploadStart) / 1000;
  const peakOf = (keep: (at: number) => boolean) =>
    Math.max(0, ...samples.filter((sample) => keep(sample.at)).map((sample) => sample.rss));
  const stored = logs.stored.get(id);
  if (stored === undefined) throw new Error(`no "asset stored" log line for ${id}\n${worker.outputTail()}`);
  return {
    objectKey,
    uploadSeconds,
    storeSeconds: stored.ms / 1000,
    peakRssBytes,
    peakReceiveRssBytes: peakOf((at) => at < uploadStart),
    peakUploadRssBytes: peakOf((at) => at >= uploadStart && at <= uploadEnd + SAMPLE_MS),
    peakChildrenRssBytes,
    transfer: stored.transfer,
  };
}

/** The SDK's own way: lib-storage `Upload` from a file stream, defaults (5 MiB parts, 4 at once). */
async function sdkUploadRun(client: S3Client, bucket: string, file: string, key: string): Promise<number> {
  const started = performance.now();
  await new Upload({ client, params: { Bucket: bucket, Key: key, Body: createReadStream(file) } }).done();
  const seconds = (performance.now() - started) / 1000;
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  return seconds;
}

/** The object's bytes into `file` (checked against the sim's sha256). */
async function download(client: S3Client, bucket: string, key: string, file: string, sha256: string) {
  const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!(answer.Body instanceof Readable)) throw new Error('GetObject gave no stream');
  const hash = createHash('sha256');
  await pipeline(
    answer.Body,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    },
    createWriteStream(file),
  );
  if (hash.digest('hex') !== sha256) throw new Error(`${key} in the bucket is not the sim's file`);
}

export const storageS3UploadCase: BenchCase = {
  name: 'storage.s3Upload',
  metric: 'throughput',
  unit: 'MB/s',
  target: null,
  targetRatio: TARGET_RATIO,
  higherIsBetter: true,
  run: async () => {
    const children: BenchChild[] = [];
    let database: BenchDatabase | undefined;
    let client: S3Client | undefined;
    const scratch = await mkdtemp(join(tmpdir(), 'tiksavr-bench-s3-'));
    try {
      database = await startBenchDatabase('storage-s3');
      const user = await database.db.user.create({
        data: { id: crypto.randomUUID(), name: 'Bench', email: 'storage-s3@example.test' },
      });
      const s3Log: S3Request[] = [];
      const s3 = await startBenchChild({
        name: 's3-server',
        args: [S3_CLI, '--log-requests'],
        env: process.env,
        cwd: REPO_ROOT,
        isReady: (line) => line.startsWith('{"ready":true'),
        readyTimeoutMs: 20_000,
        onLine: (line) => {
          if (line.startsWith('{"s3":')) s3Log.push((JSON.parse(line) as { s3: S3Request }).s3);
        },
      });
      children.push(s3);
      const { endpoint, bucket } = JSON.parse(s3.readyLine) as { endpoint: string; bucket: string };
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

      const stored = new Map<string, StoredLog>();
      const startWorker = () =>
        startBenchChild({
          name: 'worker',
          args: [...WORKER_NODE_FLAGS, WORKER_MAIN],
          env: {
            ...process.env,
            DATABASE_URL: database?.url ?? '',
            DATA_DIR: join(scratch, 'data'),
            TIKTOK_ORIGIN: origin,
            WORKER_CONCURRENCY: '1',
            STORAGE_URL: `s3://${bucket}/${PREFIX}`,
            S3_ENDPOINT: endpoint,
            S3_ACCESS_KEY_ID: 'S3RVER',
            S3_SECRET_ACCESS_KEY: 'S3RVER',
            S3_FORCE_PATH_STYLE: 'true',
            ...workerProcessEnv(REPO_ROOT),
            LOG_LEVEL: 'info',
          },
          cwd: REPO_ROOT,
          isReady: (line) => line.includes('[worker] ready'),
          readyTimeoutMs: 30_000,
          onLine: (line) => {
            if (!line.includes('"asset stored"')) return;
            const entry = JSON.parse(line) as StoredLog;
            if (entry.role === 'video') stored.set(entry.downloadId, entry);
          },
        });
      // A first start fills Node's compile cache, as any first start does.
      await (await startWorker()).stop();
      const worker = await startWorker();
      children.push(worker);
      await sleep(1_000);
      const idleRssBytes = (await readProcessMemory(worker.pid)).rssBytes;

      client = new S3Client({
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      const runs: { bytes: number; worker: WorkerRun; sdkSeconds: number }[] = [];
      for (const [rep, bytes] of PLAN.entries()) {
        const target = await addLargeVideo(origin, `s3_big_${rep}`, bytes);
        const run = await workerRun({ database, worker, userId: user.id }, { s3: s3Log, stored }, target);
        const file = join(scratch, 'baseline.bin');
        await download(client, bucket, run.objectKey, file, target.expected.sha256);
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: run.objectKey }));
        if ((await stat(file)).size !== bytes) throw new Error('baseline file has the wrong size');
        const sdkSeconds = await sdkUploadRun(client, bucket, file, `baseline/${rep}`);
        await rm(file, { force: true });
        runs.push({ bytes, worker: run, sdkSeconds });
      }
      const large = runs.filter((run) => run.bytes === LARGE_BYTES);
      const small = runs.filter((run) => run.bytes === SMALL_BYTES);
      const uploadRate = (run: (typeof runs)[number]) => mb(run.bytes) / run.worker.uploadSeconds;
      const storeRate = (run: (typeof runs)[number]) => mb(run.bytes) / run.worker.storeSeconds;
      const sdkRate = (run: (typeof runs)[number]) => mb(run.bytes) / run.sdkSeconds;
      const value = mean(large.map(uploadRate));
      const baseline = mean(large.map(sdkRate));
      const store = mean(large.map(storeRate));
      const peak100 = Math.max(...small.map((run) => run.worker.peakRssBytes));
      const peak500 = Math.max(...large.map((run) => run.worker.peakRssBytes));
      const lifetimePeak = Math.max((await readProcessMemory(worker.pid)).peakRssBytes, peak100, peak500);
      const list = (values: number[]) => values.map((entry) => round(entry)).join(', ');
      return {
        value,
        baseline,
        details: {
          transfer: [...new Set(large.map((run) => run.worker.transfer))].join(', '),
          sizes: `${SMALL_BYTES / MIB} MiB ×${small.length}, ${LARGE_BYTES / MIB} MiB ×${large.length} (MB/s = 10^6 bytes/s)`,
          valueIs:
            'worker upload of the 500 MiB file: first S3 request on its key → CompleteMultipartUpload answered (S3 server log)',
          baselineIs:
            'lib-storage Upload (defaults) of the same bytes from a file, this process, same S3 server',
          s3Server: 's3rver 3.7.1 on loopback, own process',
          workerUploadRepsMBps: list(large.map(uploadRate)),
          sdkUploadRepsMBps: list(large.map(sdkRate)),
          storeMBps: round(store),
          storeRatio: round(store / baseline, 2),
          storeIs:
            'first media request → object in the bucket (receive from the sim + hash + upload; the worker log)',
          worker100UploadMBps: round(mean(small.map(uploadRate))),
          sdk100UploadMBps: round(mean(small.map(sdkRate))),
          idleRssMb: round(mb(idleRssBytes)),
          peakRss100Mb: round(mb(peak100)),
          peakRss500Mb: round(mb(peak500)),
          peakRssReceiving500Mb: round(mb(Math.max(...large.map((run) => run.worker.peakReceiveRssBytes)))),
          peakRssUploading100Mb: round(mb(Math.max(...small.map((run) => run.worker.peakUploadRssBytes)))),
          peakRssUploading500Mb: round(mb(Math.max(...large.map((run) => run.worker.peakUploadRssBytes)))),
          flatnessMb: round(mb(peak500 - peak100)),
          lifetimePeakRssMb: round(mb(lifetimePeak)),
          peakCurlRssMb: round(mb(Math.max(...runs.map((run) => run.worker.peakChildrenRssBytes)))),
          targetRatio: TARGET_RATIO,
          ratioPass: value / baseline >= TARGET_RATIO,
          targetPeakRssMb: TARGET_PEAK_RSS_MB,
          rssPass: mb(lifetimePeak) < TARGET_PEAK_RSS_MB,
        },
      };
    } finally {
      client?.destroy();
      for (const child of children.reverse()) await child.stop().catch(() => {});
      await database?.stop().catch(() => {});
      await rm(scratch, { recursive: true, force: true });
    }
  },
};
