import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import {
  type Db,
  deleteDownloads,
  finishDeletion,
  linkStoredFile,
  markUnreferenced,
  releaseStoredFiles,
  sweepStoredFiles,
} from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { createLocalStorage, type Storage, type StoredObject } from '@tiksavr/storage';

/**
 * The stored-file protocol against a real database and a real storage folder: references are
 * computed from Asset rows, deletion is marked then finished under the file's row lock, and the
 * sweep finishes whatever a crash between the steps left.
 */
let database: TestDatabase;
let db: Db;
let root: string;
let storage: Storage;
let nextItemId = 7600000000000000000n;

before(async () => {
  database = await createTestDatabase('stored_files');
  db = database.db;
  root = await mkdtemp(join(tmpdir(), 'tiksavr-stored-files-'));
  storage = createLocalStorage(root);
});
after(async () => {
  await database?.drop();
  await rm(root, { recursive: true, force: true });
});

const exists = async (key: string) => (await storage.stat(key)) !== null;
const rowOf = (key: string) => db.storedFile.findUnique({ where: { key } });
const storeBytes = (content: string | Buffer) => storage.write(Readable.from([Buffer.from(content)]));
const uniqueBytes = () => randomBytes(64);

/** An item whose files are stored and linked the way the worker does it. */
async function storedItem(files: readonly (string | Buffer)[]): Promise<{ itemId: string; keys: string[] }> {
  const itemId = String(nextItemId++);
  await db.item.create({ data: { id: itemId, kind: 'photo', author: 'anna', storedAt: new Date() } });
  const keys: string[] = [];
  for (const [index, content] of files.entries()) {
    const stored = await storeBytes(content);
    await linkAsset(itemId, index, stored);
    keys.push(stored.key);
  }
  return { itemId, keys };
}

async function linkAsset(itemId: string, index: number, stored: StoredObject) {
  await db.$transaction(async (tx) => {
    assert.equal(await linkStoredFile(tx, storage, stored), 'linked');
    await tx.asset.create({
      data: {
        itemId,
        role: 'image',
        index,
        sha256: stored.sha256,
        size: BigInt(stored.size),
        mime: 'image/jpeg',
        storageKey: stored.key,
      },
    });
  });
}

/** A storage object as a crash leaves it: no row, last written `ageMs` ago. */
async function ageObject(key: string, ageMs: number) {
  const when = new Date(Date.now() - ageMs);
  await utimes(join(root, 'media', ...key.split('/')), when, when);
}

/** A promise and its resolver, to hold one side of an interleaving at a chosen point. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('stored files: reference counting on the content address', () => {
  test("a file shared by two users' items survives the first user's delete and goes with the second", async () => {
    const anna = await seedUser(db);
    const ben = await seedUser(db);
    const shared = uniqueBytes();
    const annaOnly = uniqueBytes();
    // Two different TikTok items whose sound is the same file (one content address).
    const first = await storedItem([annaOnly, shared]);
    const second = await storedItem([shared]);
    const sharedKey = first.keys[1] as string;
    assert.equal(second.keys[0], sharedKey);
    const annaDownload = await seedDownload(db, anna.id, { itemId: first.itemId, state: 'done' });
    const benDownload = await seedDownload(db, ben.id, { itemId: second.itemId, state: 'done' });

    const firstDelete = await deleteDownloads(db, storage, { ids: [annaDownload.id], userId: anna.id });
    assert.deepEqual(
      firstDelete.deleted.map((row) => row.id),
      [annaDownload.id],
    );
    assert.deepEqual(firstDelete.files.removed, [first.keys[0]]);
    assert.deepEqual(firstDelete.files.kept, [sharedKey]);
    assert.equal(await exists(first.keys[0] as string), false);
    assert.equal(await rowOf(first.keys[0] as string), null);
    assert.equal(await exists(sharedKey), true, 'still used by the second item');
    assert.equal((await rowOf(sharedKey))?.deletePendingAt, null);

    // Someone else's id is not deleted by a person's own delete.
    const refused = await deleteDownloads(db, storage, { ids: [benDownload.id], userId: anna.id });
    assert.deepEqual(refused.deleted, []);
    assert.equal(await exists(sharedKey), true);

    await deleteDownloads(db, storage, { ids: [benDownload.id], userId: ben.id });
    assert.equal(await exists(sharedKey), false, 'gone with its last user');
    assert.equal(await rowOf(sharedKey), null);
    assert.equal(await db.asset.count({ where: { itemId: { in: [first.itemId, second.itemId] } } }), 0);
    assert.equal((await db.item.findUnique({ where: { id: second.itemId } }))?.storedAt, null);
  });

  test("one item saved by two people: the first person's delete keeps every file", async () => {
    const anna = await seedUser(db);
    const ben = await seedUser(db);
    const { itemId, keys } = await storedItem([uniqueBytes(), uniqueBytes()]);
    const annaDownload = await seedDownload(db, anna.id, { itemId, state: 'done' });
    const benDownload = await seedDownload(db, ben.id, { itemId, state: 'done' });
    const result = await deleteDownloads(db, storage, { ids: [annaDownload.id] });
    assert.deepEqual(result.files, { removed: [], kept: [], failed: [] });
    for (const key of keys) assert.equal(await exists(key), true);
    await deleteDownloads(db, storage, { ids: [benDownload.id] });
    for (const key of keys) assert.equal(await exists(key), false);
  });

  test('a crash between "mark pending" and the unlink leaves no orphan after the sweep', async () => {
    const { itemId, keys } = await storedItem([uniqueBytes()]);
    const key = keys[0] as string;
    await db.asset.deleteMany({ where: { itemId } });
    // Step 1 commits, then the process dies before step 2.
    assert.deepEqual(await markUnreferenced(db, [key]), { marked: [key], kept: [] });
    assert.ok((await rowOf(key))?.deletePendingAt);
    assert.equal(await exists(key), true);

    // A sweep right away leaves a fresh marker to its own deleter.
    const early = await sweepStoredFiles(db, storage, { pendingGraceMs: 60_000 });
    assert.equal(early.pendingFinished, 0);
    assert.equal(await exists(key), true);

    const report = await sweepStoredFiles(db, storage, { now: new Date(Date.now() + 11 * 60_000) });
    assert.equal(report.pendingFinished, 1);
    assert.equal(await exists(key), false);
    assert.equal(await rowOf(key), null);
  });

  test('a crash between the unlink and the row delete is finished by the sweep', async () => {
    const { itemId, keys } = await storedItem([uniqueBytes()]);
    const key = keys[0] as string;
    await db.asset.deleteMany({ where: { itemId } });
    await markUnreferenced(db, [key]);
    // Step 2 unlinked the object, then the process died before its transaction committed.
    await storage.delete(key);
    assert.ok((await rowOf(key))?.deletePendingAt, 'the row is still marked');

    const report = await sweepStoredFiles(db, storage, { now: new Date(Date.now() + 11 * 60_000) });
    assert.equal(report.pendingFinished, 1);
    assert.equal(await rowOf(key), null);
    assert.equal(await exists(key), false);
  });

  test("a crash between a delete's commit and its release: the sweep releases the file nothing references", async () => {
    const { itemId, keys } = await storedItem([uniqueBytes()]);
    const key = keys[0] as string;
    // The delete's transaction committed (the Asset row is gone), then the process died.
    await db.asset.deleteMany({ where: { itemId } });
    assert.equal((await rowOf(key))?.deletePendingAt, null);
    const report = await sweepStoredFiles(db, storage, { now: new Date(Date.now() + 2 * 60 * 60 * 1000) });
    assert.ok(report.unreferencedRemoved >= 1);
    assert.equal(await exists(key), false);
    assert.equal(await rowOf(key), null);
  });

  test('a new reference while the deletion is marked calls it off and keeps the file', async () => {
    const { itemId, keys } = await storedItem([uniqueBytes()]);
    const key = keys[0] as string;
    const asset = await db.asset.findFirstOrThrow({ where: { itemId } });
    await db.asset.deleteMany({ where: { itemId } });
    await markUnreferenced(db, [key]);
    // Another item stores the same bytes (deduplicated) and links them before the unlink.
    const stored = await storeBytes(await readAll(key));
    const other = String(nextItemId++);
    await db.item.create({ data: { id: other, kind: 'photo', author: 'ben' } });
    await linkAsset(other, 0, stored);
    assert.equal((await rowOf(key))?.deletePendingAt, null, 'the marker is cleared');

    assert.equal(await finishDeletion(db, storage, key), 'kept');
    assert.equal(await exists(key), true);
    assert.equal((await rowOf(key))?.size, asset.size);
  });

  test('interleaved: a writer holding the lock first makes the concurrent deletion keep the file', async () => {
    const { itemId, keys } = await storedItem([uniqueBytes()]);
    const key = keys[0] as string;
    const bytes = await readAll(key);
    await db.asset.deleteMany({ where: { itemId } });
    const other = String(nextItemId++);
    await db.item.create({ data: { id: other, kind: 'photo', author: 'ben' } });
    const stored = await storeBytes(bytes);

    const linked = gate();
    const release = gate();
    const writer = db.$transaction(async (tx) => {
      assert.equal(await linkStoredFile(tx, storage, stored), 'linked');
      linked.open();
      await release.opened; // holds the row lock while the deletion starts
      await tx.asset.create({
        data: {
          itemId: other,
          role: 'image',
          index: 0,
          sha256: stored.sha256,
          size: BigInt(stored.size),
          mime: 'image/jpeg',
          storageKey: stored.key,
        },
      });
    });
    await linked.opened;
    let deletionSettled = false;
    const deletion = releaseStoredFiles(db, storage, [key]).finally(() => {
      deletionSettled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(deletionSettled, false, 'the deletion waits for the writer’s lock');
    release.open();
    await writer;
    const result = await deletion;
    assert.deepEqual(result, { removed: [], kept: [key], failed: [] });
    assert.equal(await exists(key), true);
    assert.equal((await rowOf(key))?.deletePendingAt, null);
  });

  test('interleaved: a writer arriving during the unlink waits, finds the file gone, and must store it again', async () => {
    const { itemId, keys } = await storedItem([uniqueBytes()]);
    const key = keys[0] as string;
    const bytes = await readAll(key);
    await db.asset.deleteMany({ where: { itemId } });
    await markUnreferenced(db, [key]);

    // The real store, with its unlink held open so a writer can arrive in the middle of step 2.
    const unlinking = gate();
    const finishUnlink = gate();
    const slowStore: Storage = {
      ...storage,
      delete: async (target) => {
        unlinking.open();
        await finishUnlink.opened;
        await storage.delete(target);
      },
    };
    const finishing = finishDeletion(db, slowStore, key);
    await unlinking.opened;
    // The writer's bytes were deduplicated against the object about to go.
    const stored = await storeBytes(bytes);
    const other = String(nextItemId++);
    await db.item.create({ data: { id: other, kind: 'photo', author: 'ben' } });
    let linkSettled = false;
    const link = db
      .$transaction((tx) => linkStoredFile(tx, storage, stored), { timeout: 20_000 })
      .finally(() => {
        linkSettled = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(linkSettled, false, 'the writer waits for the row lock held across the unlink');
    finishUnlink.open();
    assert.equal(await finishing, 'removed');
    assert.equal(await link, 'missing', 'told to store the bytes again, never linked to a missing file');

    // Storing again and linking again makes a file that is there and referenced.
    const again = await storeBytes(bytes);
    await linkAsset(other, 0, again);
    assert.equal(await exists(key), true);
    assert.equal((await rowOf(key))?.deletePendingAt, null);
  });

  test('the sweep removes old objects nothing references, keeps young ones and referenced ones', async () => {
    const orphan = await storeBytes(uniqueBytes());
    const young = await storeBytes(uniqueBytes());
    const legacy = await storeBytes(uniqueBytes());
    await ageObject(orphan.key, 2 * 60 * 60 * 1000);
    await ageObject(legacy.key, 2 * 60 * 60 * 1000);
    // A file referenced by an Asset row written before StoredFile rows existed.
    const itemId = String(nextItemId++);
    await db.item.create({ data: { id: itemId, kind: 'video', author: 'anna', storedAt: new Date() } });
    await db.asset.create({
      data: {
        itemId,
        role: 'video',
        sha256: legacy.sha256,
        size: BigInt(legacy.size),
        mime: 'video/mp4',
        storageKey: legacy.key,
      },
    });
    const user = await seedUser(db);
    await seedDownload(db, user.id, { itemId, state: 'done' });

    const report = await sweepStoredFiles(db, storage);
    assert.ok(report.objectsListed >= 3);
    assert.equal(await exists(orphan.key), false, 'an old unreferenced object goes');
    assert.equal(await rowOf(orphan.key), null);
    assert.equal(await exists(young.key), true, 'a young one may be a writer about to link it');
    assert.equal(await exists(legacy.key), true, 'a referenced one stays');
    assert.ok(await rowOf(legacy.key), 'and gains its row');
    assert.equal(report.orphansRemoved >= 1, true);
  });

  test('the sweep releases the files of items nobody has any more (an account removed)', async () => {
    const user = await seedUser(db);
    const { itemId, keys } = await storedItem([uniqueBytes(), uniqueBytes()]);
    await seedDownload(db, user.id, { itemId, state: 'done' });
    await db.user.delete({ where: { id: user.id } }); // cascades to the Download
    const report = await sweepStoredFiles(db, storage);
    assert.ok(report.unusedItems >= 1);
    for (const key of keys) {
      assert.equal(await exists(key), false);
      assert.equal(await rowOf(key), null);
    }
    assert.equal(await db.asset.count({ where: { itemId } }), 0);
  });

  test('after every step above, the store holds exactly the files something references', async () => {
    await sweepStoredFiles(db, storage, { orphanGraceMs: 0, now: new Date(Date.now() + 60_000) });
    const listed: string[] = [];
    for await (const object of storage.list()) listed.push(object.key);
    const referenced = await db.asset.findMany({ select: { storageKey: true }, distinct: ['storageKey'] });
    assert.deepEqual(listed.sort(), referenced.map((asset) => asset.storageKey).sort());
    const rows = await db.storedFile.findMany({ select: { key: true } });
    assert.deepEqual(rows.map((row) => row.key).sort(), listed.sort());
  });
});

async function readAll(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of storage.read(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
