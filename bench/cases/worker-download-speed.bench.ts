import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resolve } from '@tiksavr/core';
import type { BenchCase } from '../harness.ts';
import { startWorkerBenchWorld } from './worker-bench-world.ts';

const run = promisify(execFile);

/**
 * worker.download: MB/s of one large synthetic video streamed by the worker from the simulator
 * (fetch → sha256 → temp file → fsync → rename), submit to `done`. Baseline: `/usr/bin/curl` on the
 * same signed URL with the same headers, writing to a file. Also records the bench process's RSS
 * growth during the download (limits.md §2 goal: ≥ 0.5× curl, RSS flat).
 */
const SIZE_BYTES = 200 * 1024 * 1024;
const REPS = 3;

export const workerDownloadSpeedCase: BenchCase = {
  name: 'worker.download',
  metric: 'throughput',
  unit: 'MB/s',
  target: null,
  higherIsBetter: true,
  run: async () => {
    const world = await startWorkerBenchWorld('worker-download');
    const scratch = await mkdtemp(join(tmpdir(), 'tiksavr-bench-curl-'));
    try {
      const worker = await world.startWorker(1);
      const workerRates: number[] = [];
      const curlRates: number[] = [];
      let rssGrowthMb = 0;
      for (let rep = 0; rep < REPS; rep++) {
        const item = world.sim.addItem({ kind: 'video', username: `big_${rep}`, largeBytes: SIZE_BYTES });
        const url = `https://www.tiktok.com/@${item.username}/video/${item.id}`;

        const resolved = await resolve(url, { origin: world.sim.origin, includeCover: false });
        const media = resolved.plan.assets[0]?.candidates[0];
        if (!media) throw new Error('no media URL');
        const headers = Object.entries(resolved.mediaRequest.headers).flatMap(([k, v]) => [
          '-H',
          `${k}: ${v}`,
        ]);
        const curlStarted = performance.now();
        await run('/usr/bin/curl', ['-sf', '-o', join(scratch, 'out'), ...headers, media]);
        curlRates.push(SIZE_BYTES / 1e6 / ((performance.now() - curlStarted) / 1000));
        if ((await stat(join(scratch, 'out'))).size !== SIZE_BYTES) throw new Error('curl got a short file');
        await rm(join(scratch, 'out'));

        global.gc?.();
        const rssBefore = process.memoryUsage().rss;
        let rssPeak = rssBefore;
        const sampler = setInterval(() => {
          rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        }, 50);
        const started = performance.now();
        const id = await world.submit(url);
        await world.waitForTerminal([id], 120_000);
        clearInterval(sampler);
        workerRates.push(SIZE_BYTES / 1e6 / ((performance.now() - started) / 1000));
        rssGrowthMb = Math.max(rssGrowthMb, (rssPeak - rssBefore) / 1e6);
        const row = await world.database.db.download.findUniqueOrThrow({ where: { id } });
        // bytesDone counts every asset (the cover too), so at least the video's size.
        if (row.state !== 'done' || Number(row.bytesDone) < SIZE_BYTES) {
          throw new Error(`download ${row.state} with ${row.bytesDone} bytes`);
        }
      }
      await worker.stop();
      const median = (values: number[]) =>
        [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      return {
        value: median(workerRates),
        baseline: median(curlRates),
        details: {
          sizeMb: SIZE_BYTES / 1e6,
          reps: REPS,
          rssGrowthMb: Math.round(rssGrowthMb),
          baseline: 'curl, same URL and headers, to a file',
        },
      };
    } finally {
      await rm(scratch, { recursive: true, force: true });
      await world.close();
    }
  },
};
