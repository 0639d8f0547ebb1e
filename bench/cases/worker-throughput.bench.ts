import type { BenchCase } from '../harness.ts';
import { startWorkerBenchWorld } from './worker-bench-world.ts';

/**
 * worker.e2e: small videos saved end to end per second (submit → resolve against the simulator →
 * stream → store → done) by one worker at concurrency 1, 4 and 16; the value is concurrency 4.
 * Baseline: pg-boss itself with a no-op handler on a notify queue, same slots and batch size, same
 * submit path (the ceiling of the queue alone). Issue #15: at least 0.3× that baseline. Where the
 * time of one job goes: worker.e2e.timeline.
 */
const JOBS_PER_RUN = 120;

async function noopRate(world: Awaited<ReturnType<typeof startWorkerBenchWorld>>, slots: number) {
  const queue = `bench.noop.${slots}`;
  await world.database.boss.createQueue(queue, { notify: true });
  let handled = 0;
  let finished: () => void = () => {};
  const allDone = new Promise<void>((r) => {
    finished = r;
  });
  const ids: string[] = [];
  for (let slot = 0; slot < slots; slot++) {
    let id = '';
    id = await world.database.boss.work(queue, { batchSize: 1, localConcurrency: 1 }, async () => {
      if (++handled === JOBS_PER_RUN) finished();
      world.database.boss.notifyWorker(id);
    });
    ids.push(id);
  }
  const started = performance.now();
  for (let index = 0; index < JOBS_PER_RUN; index++) await world.database.boss.send(queue, { index });
  await allDone;
  const rate = JOBS_PER_RUN / ((performance.now() - started) / 1000);
  await world.database.boss.offWork(queue);
  return rate;
}

export const workerThroughputCase: BenchCase = {
  name: 'worker.e2e',
  metric: 'throughput (c4)',
  unit: 'jobs/s',
  target: null,
  targetRatio: 0.3,
  higherIsBetter: true,
  run: async () => {
    const world = await startWorkerBenchWorld('worker-e2e');
    const details: Record<string, number> = {};
    try {
      for (const concurrency of [1, 4, 16]) {
        const worker = await world.startWorker(concurrency);
        const items = Array.from({ length: JOBS_PER_RUN }, (_, index) =>
          world.sim.addItem({ kind: 'video', username: `c${concurrency}_${index}` }),
        );
        const started = performance.now();
        const ids: string[] = [];
        for (const item of items)
          ids.push(await world.submit(`https://www.tiktok.com/@${item.username}/video/${item.id}`));
        await world.waitForTerminal(ids, 120_000);
        details[`c${concurrency}JobsPerSec`] = JOBS_PER_RUN / ((performance.now() - started) / 1000);
        const done = await world.database.db.download.count({ where: { id: { in: ids }, state: 'done' } });
        if (done !== JOBS_PER_RUN) throw new Error(`only ${done} of ${JOBS_PER_RUN} done at c${concurrency}`);
        await worker.stop();
      }
      for (const slots of [1, 4, 16]) details[`noopC${slots}JobsPerSec`] = await noopRate(world, slots);
      return {
        value: details.c4JobsPerSec ?? 0,
        baseline: details.noopC4JobsPerSec ?? null,
        details: { ...details, jobsPerRun: JOBS_PER_RUN, baseline: 'pg-boss no-op handler, same slots' },
      };
    } finally {
      await world.close();
    }
  },
};
