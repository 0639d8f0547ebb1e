import { AsyncLocalStorage } from 'node:async_hooks';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { extractItemFromPage } from '@tiksavr/core';
import type { BenchCase } from '../harness.ts';
import { coveredMs, installTimelineProbe, type Span, totalsByLabel } from './job-timeline-probe.ts';
import { startWorkerBenchWorld } from './worker-bench-world.ts';

/**
 * worker.e2e.timeline: where the time of one small-media job goes (issue #15: page fetch, parse,
 * media fetch, fsync, each database round trip). One in-process worker at concurrency 1 takes
 * JOBS back-to-back jobs (a small video each, the simulator in this process); the probe notes every
 * PostgreSQL round trip, fetch() request, media request and fsync (job-timeline-probe.ts). Each
 * step's total divided by the job count is its share of one job. The bench's own queries
 * (submitting, waiting) run in an AsyncLocalStorage context the probe skips.
 *
 * value: milliseconds of wall time per job at concurrency 1. No target: it explains worker.e2e.
 * `otherMs` is the time no span covers: JavaScript (parsing, Prisma, pg-boss, logging), waits
 * for the politeness budget's slot and pg-boss's hand-over to the next job.
 */
const WARMUP_JOBS = 15;
const JOBS = 80;
/** Rows of the report's details: the largest steps. */
const TOP_STEPS = 24;

const benchContext = new AsyncLocalStorage<true>();

/**
 * With BENCH_CPU_PROFILE=<file>, a V8 CPU profile of the timed jobs only (not the set-up) is
 * written there, to be opened in Chrome's DevTools or any .cpuprofile viewer.
 */
async function startCpuProfile(): Promise<() => Promise<void>> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (file === undefined || file === '') return async () => {};
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  };
}

export const workerJobTimelineCase: BenchCase = {
  name: 'worker.e2e.timeline',
  metric: 'wall time per job (c1)',
  unit: 'ms',
  target: null,
  higherIsBetter: false,
  run: async () => {
    const world = await startWorkerBenchWorld('worker-timeline');
    const probe = await installTimelineProbe({ ignore: () => benchContext.getStore() === true });
    try {
      const worker = await world.startWorker(1);
      const outcomes = new Map<string, number>();
      worker.onOutcome((_outcome, downloadId) => outcomes.set(downloadId, performance.now()));
      const submitAll = (count: number, prefix: string) =>
        benchContext.run(true, async () => {
          const ids: string[] = [];
          for (let index = 0; index < count; index++) {
            const item = world.sim.addItem({ kind: 'video', username: `${prefix}_${index}` });
            ids.push(await world.submit(`https://www.tiktok.com/@${item.username}/video/${item.id}`));
          }
          return ids;
        });
      const waitAll = (ids: readonly string[]) =>
        benchContext.run(true, () => world.waitForTerminal(ids, 120_000));

      await waitAll(await submitAll(WARMUP_JOBS, 'warm'));
      probe.clear();
      const stopProfile = await startCpuProfile();
      const cpuBefore = process.cpuUsage();
      const startedMs = performance.now();
      const ids = await submitAll(JOBS, 'timed');
      await waitAll(ids);
      const endedMs = Math.max(...ids.map((id) => outcomes.get(id) ?? performance.now()));
      const cpu = process.cpuUsage(cpuBefore);
      await stopProfile();
      const spans = probe
        .spans()
        .filter((span: Span) => span.startMs >= startedMs && span.startMs <= endedMs);
      const done = await world.database.db.download.count({ where: { id: { in: ids }, state: 'done' } });
      if (done !== JOBS) throw new Error(`only ${done} of ${JOBS} jobs done`);
      await worker.stop();

      // Parse: the resolver's page extraction on the simulator's page of such an item, timed apart.
      const sample = world.sim.addItem({ kind: 'video', username: 'parse_sample' });
      const html = await (await fetch(`${world.sim.origin}/@${sample.username}/video/${sample.id}`)).text();
      const parseStarted = performance.now();
      for (let index = 0; index < 200; index++) extractItemFromPage(html);
      const parseMs = (performance.now() - parseStarted) / 200;

      const wallMs = (endedMs - startedMs) / JOBS;
      const perJob = (ms: number) => Math.round((ms / JOBS) * 100) / 100;
      const kindMs = (kind: Span['kind']) =>
        spans.filter((span) => span.kind === kind).reduce((sum, span) => sum + span.endMs - span.startMs, 0);
      const dbSpans = spans.filter((span) => span.kind === 'db');
      const details: Record<string, number | string> = {
        jobs: JOBS,
        wallMsPerJob: Math.round(wallMs * 100) / 100,
        pageFetchMs: perJob(kindMs('fetch')),
        parseMs: Math.round(parseMs * 1000) / 1000,
        pageChars: html.length,
        mediaFetchMs: perJob(kindMs('media')),
        fsyncMs: perJob(kindMs('fsync')),
        dbMs: perJob(kindMs('db')),
        dbRoundTripsPerJob: perJob(dbSpans.length),
        otherMs: perJob(endedMs - startedMs - coveredMs(spans, startedMs, endedMs)),
        processCpuMsPerJob: perJob((cpu.user + cpu.system) / 1000),
        spansAre: 'ms per job; db = every node-postgres round trip of worker, pg-boss and budget',
      };
      for (const step of totalsByLabel(spans).slice(0, TOP_STEPS)) {
        details[`${step.label} (n/job ms/job)`] = `${perJob(step.count)} ${perJob(step.ms)}`;
      }
      return { value: wallMs, baseline: null, details };
    } finally {
      probe.uninstall();
      await world.close();
    }
  },
};
