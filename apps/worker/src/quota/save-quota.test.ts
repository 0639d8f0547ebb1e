import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ERRORS, formatByteSize } from '@tiksavr/core';
import { bossDbFor, setUserLimits, usageOf, writeStorageSettings } from '@tiksavr/db';
import { seedDownload, seedUser } from '@tiksavr/db/testing';
import { createLocalStorage } from '@tiksavr/storage';
import { createWorkerWorld, show, tiktokUrlOf, type WorkerWorld } from '../test-support/worker-fixture.ts';

/**
 * The worker enforces each person's storage and item limits with a real worker, the TikTok
 * simulator over HTTP, a real database and a real storage folder.
 */
let world: WorkerWorld;

before(async () => {
  world = await createWorkerWorld('quota');
  await world.startWorker();
});
after(async () => {
  await world?.close();
});

/** What the web app's submit does, for any person (the fixture's own submit is for its one user). */
async function submitFor(userId: string, url: string): Promise<string> {
  return world.database.db.$transaction(async (tx) => {
    const download = await tx.download.create({
      data: { userId, inputUrl: url, canonicalUrl: url, searchText: url.toLowerCase() },
    });
    await world.producer.send('media.download', { downloadId: download.id }, { db: bossDbFor(tx) });
    return download.id;
  });
}

async function saveFor(userId: string, url: string) {
  const id = await submitFor(userId, url);
  const [download] = await world.waitForTerminal([id], 20_000);
  assert.ok(download);
  return download;
}

async function storedObjects(): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of createLocalStorage(world.dataDir).list()) {
    keys.push(object.key);
  }
  return keys.sort();
}

describe('quotas in the worker', () => {
  test('a file larger than the room left ends failed, over quota, and nothing is kept', async () => {
    const user = await seedUser(world.database.db);
    await setUserLimits(world.database.db, user.id, { bytes: 1000 });
    const before = await storedObjects();
    const item = world.sim.addItem({ kind: 'video', username: 'quota_small' });
    const download = await saveFor(user.id, tiktokUrlOf(item));
    assert.equal(download.state, 'failed', show(download));
    assert.equal(download.failureCode, 'quota_bytes_exceeded');
    assert.equal(
      download.failureMessage,
      'This is larger than the 1 KB you have left of your 1 KB. Delete items you no longer need (pinned ones stay until you unpin them), or ask the admin for more room.',
    );
    assert.equal(await world.database.db.asset.count({ where: { itemId: item.id } }), 0);
    assert.deepEqual(await storedObjects(), before, 'no file was stored for it');
  });

  test("an item someone else stored costs this person its size too, and their limit never stops the other's save", async () => {
    const db = world.database.db;
    const anna = await seedUser(db);
    const ben = await seedUser(db);
    const item = world.sim.addItem({ kind: 'video', username: 'quota_shared' });
    const annas = await saveFor(anna.id, tiktokUrlOf(item));
    assert.equal(annas.state, 'done', show(annas));
    const size = Number(annas.bytesTotal);
    assert.ok(size > 1000);

    // Ben's room is one byte short of the item, already stored: refused before anything is linked.
    await setUserLimits(db, ben.id, { bytes: size - 1 });
    const bens = await saveFor(ben.id, tiktokUrlOf(item));
    assert.equal(bens.state, 'failed', show(bens));
    assert.equal(bens.failureCode, 'quota_bytes_exceeded');
    assert.equal(
      bens.failureMessage,
      `This needs ${formatByteSize(size)}, and you are using 0 B of your ${formatByteSize(size - 1)}. Delete items you no longer need (pinned ones stay until you unpin them), or ask the admin for more room.`,
    );
    assert.equal((await db.download.findUniqueOrThrow({ where: { id: annas.id } })).state, 'done');

    // With room for it, the same item links at once, and counts in full for Ben.
    await setUserLimits(db, ben.id, { bytes: size });
    const again = await saveFor(ben.id, tiktokUrlOf(item));
    assert.equal(again.state, 'done', show(again));
    assert.deepEqual(await usageOf(db, ben.id), { bytes: size, items: 1 });
    assert.deepEqual(await usageOf(db, anna.id), { bytes: size, items: 1 });
  });

  test('a person at their item limit gets nothing more, even from a download nobody pasted (a watch)', async () => {
    const db = world.database.db;
    const user = await seedUser(db);
    await seedDownload(db, user.id, { state: 'done', bytesTotal: 10n });
    await setUserLimits(db, user.id, { items: 1 });
    const item = world.sim.addItem({ kind: 'video', username: 'quota_items' });
    const download = await saveFor(user.id, tiktokUrlOf(item));
    assert.equal(download.state, 'failed', show(download));
    assert.equal(download.failureCode, 'quota_items_exceeded');
    assert.match(
      download.failureMessage ?? '',
      /^You have 1 of your 1 items\. Delete items you no longer need/,
    );
  });

  test('the instance default applies to everyone without a limit of their own; null is no limit', async () => {
    const db = world.database.db;
    const user = await seedUser(db);
    await writeStorageSettings(db, { defaultBytes: 1000 });
    try {
      const item = world.sim.addItem({ kind: 'video', username: 'quota_default' });
      const refused = await saveFor(user.id, tiktokUrlOf(item));
      assert.equal(refused.failureCode, 'quota_bytes_exceeded', show(refused));
      // An own limit of "none" wins over the default.
      await setUserLimits(db, user.id, { bytes: null });
      const saved = await saveFor(user.id, tiktokUrlOf(item));
      assert.equal(saved.state, 'done', show(saved));
    } finally {
      await writeStorageSettings(db, { defaultBytes: null });
    }
  });

  test('two saves that each fit but not together: the one finishing second is refused', async () => {
    const db = world.database.db;
    const user = await seedUser(db);
    const first = world.sim.addItem({ kind: 'video', username: 'quota_pair_a' });
    const second = world.sim.addItem({ kind: 'video', username: 'quota_pair_b' });
    // Measure both items' size with a person without limits.
    const probe = await seedUser(db);
    const sizes = [];
    for (const item of [first, second])
      sizes.push(Number((await saveFor(probe.id, tiktokUrlOf(item))).bytesTotal));
    await db.download.deleteMany({ where: { userId: probe.id } });
    await db.asset.deleteMany({ where: { itemId: { in: [first.id, second.id] } } });
    await db.item.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { storedAt: null } });
    const room =
      Math.max(...(sizes as [number, number])) + Math.floor(Math.min(...(sizes as [number, number])) / 2);
    await setUserLimits(db, user.id, { bytes: room });

    const ids = [await submitFor(user.id, tiktokUrlOf(first)), await submitFor(user.id, tiktokUrlOf(second))];
    const rows = await world.waitForTerminal(ids, 20_000);
    assert.deepEqual(rows.map((row) => row.state).sort(), ['done', 'failed'], rows.map(show).join(' | '));
    const failed = rows.find((row) => row.state === 'failed');
    assert.equal(failed?.failureCode, 'quota_bytes_exceeded');
    assert.ok((await usageOf(db, user.id)).bytes <= room, 'never past the limit');
    assert.notEqual(failed?.failureMessage, ERRORS.quota_bytes_exceeded.user, 'the words carry the numbers');
  });
});
