import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createWorkerWorld, tiktokUrlOf, type WorkerWorld } from '../../test-support/worker-fixture.ts';

let world: WorkerWorld;
before(async () => {
  world = await createWorkerWorld('wpickup');
  // A 30 s poll: any pickup faster than that came from LISTEN/NOTIFY.
  await world.startWorker({ WORKER_POLL_SECONDS: '30' });
});
after(async () => {
  await world?.close();
});

test('a submitted job starts within milliseconds, not a polling interval', async () => {
  const latencies: number[] = [];
  for (let i = 0; i < 8; i++) {
    const item = world.sim.addItem({ kind: 'video', username: `quick_${i}` });
    const sentAt = Date.now();
    const id = await world.submit(tiktokUrlOf(item));
    const [download] = await world.waitForTerminal([id], 10_000);
    assert.equal(download?.state, 'done');
    latencies.push((download?.startedAt?.getTime() ?? Number.POSITIVE_INFINITY) - sentAt);
    await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 200)));
  }
  latencies.sort((a, b) => a - b);
  const median = latencies[Math.floor(latencies.length / 2)] ?? Number.POSITIVE_INFINITY;
  assert.ok(median < 250, `median pickup ${median} ms (${latencies.join(', ')})`);
  assert.ok((latencies.at(-1) ?? 0) < 2000, `worst pickup ${latencies.at(-1)} ms`);
});
