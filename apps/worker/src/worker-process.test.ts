import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLocalStorage } from '@tiksavr/storage';
import { createWorkerWorld, show, tiktokUrlOf, type WorkerWorld } from './test-support/worker-fixture.ts';
import { WORKER_NODE_FLAGS, workerProcessEnv } from './worker-process-options.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let world: WorkerWorld;
before(async () => {
  world = await createWorkerWorld('wproc');
  // An in-process worker first: it creates the queues and the producer; then it stops, so only
  // the child processes below take jobs.
  const bootstrap = await world.startWorker();
  await bootstrap.stop();
});
after(async () => {
  await world?.close();
});

function spawnWorker(overrides: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, MAIN], {
    env: {
      ...process.env,
      ...world.env(overrides),
      ...workerProcessEnv(REPO_ROOT),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function waitForBytes(downloadId: string) {
  return waitUntil(
    'the download to be streaming',
    async () => {
      const row = await world.database.db.download.findUnique({ where: { id: downloadId } });
      return row?.state === 'downloading' && row.bytesDone > 0n ? row : null;
    },
    20_000,
  );
}

describe('the worker as a process', () => {
  test('SIGKILL mid-download: another worker takes the job over, resumes, and stores the right bytes', async () => {
    const size = 3_000_000;
    const item = world.sim.addItem({ kind: 'video', username: 'killed_mid_way', largeBytes: size });
    world.sim.setFault(item.id, { kind: 'slow_body', bytesPerSecond: 500_000 });
    // Through curl (a child process of the worker), whatever the size.
    const throughCurl = { WORKER_TRANSFER: 'curl', WORKER_CURL_MIN_BYTES: '0' };
    const first = spawnWorker(throughCurl);
    const id = await world.submit(tiktokUrlOf(item));
    await waitForBytes(id);
    await new Promise((r) => setTimeout(r, 600)); // let some bytes reach the partial file
    first.kill('SIGKILL');
    await once(first, 'exit');
    const partials = await createLocalStorage(world.dataDir).listTemp();
    assert.ok(partials.length > 0, 'the killed worker left a partial file');
    // Its curl died with it (the body still flows at 500 kB/s): nothing appends to the partial now.
    const partialSize = () => stat(join(world.dataDir, 'tmp', partials[0] ?? '')).then((info) => info.size);
    const sizeAfterKill = await partialSize();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await partialSize(), sizeAfterKill, 'no transfer outlived the killed worker');
    world.sim.clearFaults();

    const second = spawnWorker(throughCurl);
    try {
      const [download] = await world.waitForTerminal([id], 40_000);
      assert.equal(download?.state, 'done', show(download));
      const video = await world.database.db.asset.findFirst({ where: { itemId: item.id, role: 'video' } });
      assert.equal(video?.sha256, await world.sim.mediaSha256(item.id, 'video'));
      assert.equal(Number(video?.size), size);
      const served = world.sim.stats().items[item.id]?.media['video#0'];
      assert.ok(
        served && served.bytesServed < 2 * size,
        `resumed, not restarted (${served?.bytesServed} bytes served)`,
      );
      assert.deepEqual(await createLocalStorage(world.dataDir).listTemp(), []);
    } finally {
      second.kill('SIGTERM');
      await once(second, 'exit');
    }
  });

  test('SIGTERM: a download that outlives the grace period is handed back and finished by the next worker', async () => {
    const item = world.sim.addItem({ kind: 'video', username: 'stopped_politely', largeBytes: 2_000_000 });
    world.sim.setFault(item.id, { kind: 'slow_body', bytesPerSecond: 300_000 });
    const worker = spawnWorker({ WORKER_SHUTDOWN_GRACE_SECONDS: '1' });
    const id = await world.submit(tiktokUrlOf(item));
    await waitForBytes(id);
    const stoppedAt = Date.now();
    worker.kill('SIGTERM');
    const [code] = await once(worker, 'exit');
    assert.equal(code, 0);
    assert.ok(Date.now() - stoppedAt < 8_000, 'stopped within the grace period plus a little');
    const row = await world.database.db.download.findUnique({ where: { id } });
    assert.equal(row?.state, 'queued', show(row));
    const jobs = await world.database.db.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM pgboss.job WHERE id = ${row?.jobId}::uuid`;
    assert.equal(jobs[0]?.state, 'created', 'the handed-back download has a waiting job');

    world.sim.clearFaults();
    const next = spawnWorker();
    try {
      const [download] = await world.waitForTerminal([id], 20_000);
      assert.equal(download?.state, 'done', show(download));
      const video = await world.database.db.asset.findFirst({ where: { itemId: item.id, role: 'video' } });
      assert.equal(video?.sha256, await world.sim.mediaSha256(item.id, 'video'));
    } finally {
      next.kill('SIGTERM');
      await once(next, 'exit');
    }
  });
});
