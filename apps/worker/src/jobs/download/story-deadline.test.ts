import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ERRORS } from '@tiksavr/core';
import { createWorkerWorld, show, tiktokUrlOf, type WorkerWorld } from '../../test-support/worker-fixture.ts';

let world: WorkerWorld;
before(async () => {
  world = await createWorkerWorld('wstory');
  // Enough attempts that only the deadline can end the retries.
  await world.startWorker({ WORKER_MAX_ATTEMPTS: '50' });
});
after(async () => {
  await world?.close();
});

test('a story whose deadline passes while it is being retried ends expired, not failed', async () => {
  const item = world.sim.addItem({ kind: 'video', username: 'story_teller', story: true });
  world.sim.setFault(item.id, { kind: 'status_5xx', on: 'page' });
  const id = await world.submit(tiktokUrlOf(item), { storyDeadline: new Date(Date.now() + 1500) });
  const [download] = await world.waitForTerminal([id], 15_000);
  assert.equal(download?.state, 'expired', show(download));
  assert.equal(download?.failureCode, 'story_expired');
  assert.equal(download?.failureMessage, ERRORS.story_expired.user);
  assert.ok((download?.attempts ?? 0) >= 1, show(download));
  assert.ok(
    (download?.finishedAt?.getTime() ?? 0) >= (download?.storyDeadline?.getTime() ?? Infinity) - 1500,
  );
});

test('a story job carries a higher pg-boss priority than an ordinary one', async () => {
  const now = Date.now();
  const plain = world.sim.addItem({ kind: 'video', username: 'plain_one' });
  const soon = world.sim.addItem({ kind: 'video', username: 'soon_story', story: true });
  const ids = await Promise.all([
    world.submit(tiktokUrlOf(plain)),
    world.submit(tiktokUrlOf(soon), { storyDeadline: new Date(now + 3600_000) }),
  ]);
  const jobs = await world.database.db.$queryRaw<{ downloadId: string; priority: number }[]>`
    SELECT data->>'downloadId' AS "downloadId", priority FROM pgboss.job WHERE name = 'media.download'`;
  const priorityOf = (id: string) => jobs.find((job) => job.downloadId === id)?.priority ?? -1;
  assert.ok(priorityOf(ids[1] ?? '') > priorityOf(ids[0] ?? ''));
  await world.waitForTerminal(ids, 10_000);
});
