import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { type Db, type DownloadState, linkStoredFile, writeStorageSettings } from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { createLocalStorage, type Storage } from '@tiksavr/storage';
import { createLogger } from '../../logger.ts';
import { createWorkerWorld } from '../../test-support/worker-fixture.ts';
import { runRetentionSweep } from './run-retention-sweep.ts';
import { RETENTION_SWEEP_CRON } from './start-retention.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-04T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

let database: TestDatabase;
let db: Db;
let root: string;
let storage: Storage;
let nextItemId = 7610000000000000000n;

before(async () => {
  database = await createTestDatabase('retention');
  db = database.db;
  root = await mkdtemp(join(tmpdir(), 'tiksavr-retention-'));
  storage = createLocalStorage(root);
});
after(async () => {
  await database?.drop();
  await rm(root, { recursive: true, force: true });
});

const deps = () => ({
  db,
  storage,
  log: createLogger('silent'),
  now: () => now,
  shutdownSignal: new AbortController().signal,
});

/** A stored item with one file of its own, linked as the worker links it. */
async function storedItem(): Promise<{ itemId: string; key: string }> {
  const itemId = String(nextItemId++);
  await db.item.create({ data: { id: itemId, kind: 'video', author: 'anna', storedAt: now } });
  const stored = await storage.write(Readable.from([randomBytes(48)]));
  await db.$transaction(async (tx) => {
    assert.equal(await linkStoredFile(tx, storage, stored), 'linked');
    await tx.asset.create({
      data: {
        itemId,
        role: 'video',
        sha256: stored.sha256,
        size: BigInt(stored.size),
        mime: 'video/mp4',
        storageKey: stored.key,
      },
    });
  });
  return { itemId, key: stored.key };
}

async function saved(
  userId: string,
  options: { ageDays: number; state?: DownloadState; pinned?: boolean; itemId?: string },
) {
  const itemId = options.itemId ?? (await storedItem()).itemId;
  return seedDownload(db, userId, {
    itemId,
    state: options.state ?? 'done',
    createdAt: daysAgo(options.ageDays),
    ...(options.pinned ? { pinnedAt: daysAgo(options.ageDays) } : {}),
  });
}

const exists = async (key: string) => (await storage.stat(key)) !== null;
const keyOf = async (itemId: string) => (await db.asset.findFirstOrThrow({ where: { itemId } })).storageKey;

describe('retention: auto-delete of unpinned items after N days', () => {
  test('with no retention.days set, nothing is deleted however old', async () => {
    const user = await seedUser(db);
    const old = await saved(user.id, { ageDays: 400 });
    const report = await runRetentionSweep(deps());
    assert.equal(report.retentionDays, null);
    assert.equal(report.deleted, 0);
    assert.ok(await db.download.findUnique({ where: { id: old.id } }));
  });

  test('deletes only finished, unpinned items older than N days; their files go unless shared', async () => {
    const anna = await seedUser(db);
    const ben = await seedUser(db);
    const oldDone = await saved(anna.id, { ageDays: 31 });
    const oldFailed = await saved(anna.id, { ageDays: 45, state: 'failed' });
    const oldPinned = await saved(anna.id, { ageDays: 90, pinned: true });
    const young = await saved(anna.id, { ageDays: 29 });
    const oldQueued = await saved(anna.id, { ageDays: 60, state: 'queued' });
    // Anna's old save of an item Ben saved recently: her row goes, the file stays for Ben.
    const sharedItem = await storedItem();
    const annaShared = await saved(anna.id, { ageDays: 40, itemId: sharedItem.itemId });
    const benShared = await saved(ben.id, { ageDays: 1, itemId: sharedItem.itemId });
    const oldDoneKey = await keyOf(oldDone.itemId as string);

    await writeStorageSettings(db, { retentionDays: 30 });
    const report = await runRetentionSweep(deps());
    assert.equal(report.retentionDays, 30);

    const left = await db.download.findMany({
      where: { userId: { in: [anna.id, ben.id] } },
      select: { id: true },
    });
    assert.deepEqual(
      left.map((row) => row.id).sort(),
      [oldPinned.id, young.id, oldQueued.id, benShared.id].sort(),
    );
    assert.equal(
      report.deleted,
      4,
      'the old done, failed and shared ones here, and the 400-day-old one above',
    );
    assert.ok(![oldDone.id, oldFailed.id, annaShared.id].some((id) => left.some((row) => row.id === id)));
    assert.equal(await exists(oldDoneKey), false, "the deleted item's file is gone");
    assert.equal(await exists(sharedItem.key), true, 'the file Ben still has stays');
    assert.equal(await exists(await keyOf(oldPinned.itemId as string)), true);
    assert.equal(await exists(await keyOf(young.itemId as string)), true);

    // The next run finds nothing more to do.
    const again = await runRetentionSweep(deps());
    assert.equal(again.deleted, 0);
    await writeStorageSettings(db, { retentionDays: null });
  });

  test('a running worker schedules the sweep hourly through pg-boss', async () => {
    const world = await createWorkerWorld('retention_cron');
    try {
      await world.startWorker();
      const schedules = await world.producer.getSchedules('retention.sweep');
      assert.deepEqual(
        schedules.map((schedule) => schedule.cron),
        [RETENTION_SWEEP_CRON],
      );
    } finally {
      await world.close();
    }
  });
});
