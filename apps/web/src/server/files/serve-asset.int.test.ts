import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { createLocalStorage, type Storage } from '@tiksavr/storage';
import type { SessionUser } from '../trpc.ts';
import { type FileRouteDeps, serveAsset } from './serve-asset.ts';
import { servePhotoZip } from './serve-photo-zip.ts';

type Who = 'anonymous' | 'A' | 'B' | 'admin';

describe('file routes', () => {
  let database: TestDatabase;
  let storage: Storage;
  let root: string;
  const users = {} as Record<Exclude<Who, 'anonymous'>, SessionUser>;
  const video = randomBytes(10_000);
  const pictures = [Buffer.from('picture one'), Buffer.from('picture two')];
  const sound = Buffer.from('the sound track');
  let videoAssetId: string;
  let pictureAssetId: string;
  let photoDownloadId: string;
  let videoDownloadId: string;

  const depsFor = (who: Who): FileRouteDeps => ({
    db: database.db,
    storage,
    sessionUser: async () => (who === 'anonymous' ? null : users[who]),
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Request(`http://127.0.0.1:3000${path}`, { headers });

  async function storeAsset(
    itemId: string,
    role: 'video' | 'image' | 'audio',
    index: number,
    mime: string,
    bytes: Buffer,
  ) {
    const stored = await storage.write(Readable.from([bytes]));
    const asset = await database.db.asset.create({
      data: {
        itemId,
        role,
        index,
        mime,
        sha256: stored.sha256,
        size: BigInt(stored.size),
        storageKey: stored.key,
      },
    });
    return asset.id;
  }

  before(async () => {
    database = await createTestDatabase('files');
    root = await mkdtemp(join(tmpdir(), 'tiksavr-files-'));
    storage = createLocalStorage(root);
    for (const [who, role] of [
      ['A', 'user'],
      ['B', 'user'],
      ['admin', 'admin'],
    ] as const) {
      const row = await seedUser(database.db, { role });
      users[who] = { id: row.id, email: row.email, name: row.name, role };
    }
    await database.db.item.create({
      data: { id: '7524919459643919624', kind: 'video', author: 'anna', caption: 'Pasta / night: "best"' },
    });
    videoAssetId = await storeAsset('7524919459643919624', 'video', 0, 'video/mp4', video);
    await database.db.item.create({
      data: { id: '7524919459643919625', kind: 'photo', author: 'anna', caption: 'Trip' },
    });
    pictureAssetId = await storeAsset('7524919459643919625', 'image', 0, 'image/jpeg', pictures[0] as Buffer);
    await storeAsset('7524919459643919625', 'image', 1, 'image/jpeg', pictures[1] as Buffer);
    await storeAsset('7524919459643919625', 'audio', 0, 'audio/mpeg', sound);
    videoDownloadId = (
      await seedDownload(database.db, users.A.id, { itemId: '7524919459643919624', state: 'done' })
    ).id;
    photoDownloadId = (
      await seedDownload(database.db, users.A.id, { itemId: '7524919459643919625', state: 'done' })
    ).id;
  });
  after(async () => {
    await database?.drop();
    await rm(root, { recursive: true, force: true });
  });

  test('who may download a file: owner 200, anonymous 401, anyone else 404 like a missing id', async () => {
    const statuses: Record<string, number> = {};
    for (const who of ['anonymous', 'A', 'B', 'admin'] as const) {
      const file = await serveAsset(get(`/api/files/${videoAssetId}`), videoAssetId, depsFor(who));
      const zip = await servePhotoZip(get('/z'), photoDownloadId, depsFor(who));
      statuses[who] = file.status;
      statuses[`${who} zip`] = zip.status;
      await file.body?.cancel();
      await zip.body?.cancel();
    }
    assert.deepEqual(statuses, {
      anonymous: 401,
      'anonymous zip': 401,
      A: 200,
      'A zip': 200,
      B: 404,
      'B zip': 404,
      admin: 404,
      'admin zip': 404,
    });
    for (const id of [randomUUID(), 'not-a-uuid', '../../etc/passwd']) {
      assert.equal((await serveAsset(get('/x'), id, depsFor('A'))).status, 404, id);
      assert.equal((await servePhotoZip(get('/x'), id, depsFor('A'))).status, 404, id);
    }
    // Once A's Download is gone, A no longer owns the item's files.
    const other = await seedDownload(database.db, users.B.id, {
      itemId: '7524919459643919624',
      state: 'done',
    });
    assert.equal((await serveAsset(get('/x'), videoAssetId, depsFor('B'))).status, 200);
    await database.db.download.delete({ where: { id: other.id } });
    assert.equal((await serveAsset(get('/x'), videoAssetId, depsFor('B'))).status, 404);
  });

  test('the whole file, as an attachment with a readable name and safe headers', async () => {
    const response = await serveAsset(get('/x'), videoAssetId, depsFor('A'));
    assert.equal(response.status, 200);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), video);
    assert.equal(response.headers.get('content-type'), 'video/mp4');
    assert.equal(response.headers.get('content-length'), String(video.length));
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cache-control'), 'private');
    assert.equal(response.headers.get('accept-ranges'), 'bytes');
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="anna - Pasta night best (7524919459643919624).mp4"; filename*=UTF-8''anna%20-%20Pasta%20night%20best%20%287524919459643919624%29.mp4`,
    );
    const picture = await serveAsset(get('/x'), pictureAssetId, depsFor('A'));
    assert.match(
      picture.headers.get('content-disposition') ?? '',
      /filename="anna - Trip \(7524919459643919625\) 01\.jpg"/,
    );
  });

  test('Range: 206 with Content-Range, suffix ranges, 416 past the end', async () => {
    const partial = await serveAsset(get('/x', { range: 'bytes=100-199' }), videoAssetId, depsFor('A'));
    assert.equal(partial.status, 206);
    assert.equal(partial.headers.get('content-range'), `bytes 100-199/${video.length}`);
    assert.equal(partial.headers.get('content-length'), '100');
    assert.deepEqual(Buffer.from(await partial.arrayBuffer()), video.subarray(100, 200));

    const tail = await serveAsset(get('/x', { range: 'bytes=-10' }), videoAssetId, depsFor('A'));
    assert.equal(tail.status, 206);
    assert.deepEqual(Buffer.from(await tail.arrayBuffer()), video.subarray(video.length - 10));

    const beyond = await serveAsset(
      get('/x', { range: `bytes=${video.length}-` }),
      videoAssetId,
      depsFor('A'),
    );
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${video.length}`);

    const denied = await serveAsset(get('/x', { range: 'bytes=0-9' }), videoAssetId, depsFor('B'));
    assert.equal(denied.status, 404);
  });

  test('the ZIP of a photo post holds every picture and the sound, stored as they are', async () => {
    const response = await servePhotoZip(get('/z'), photoDownloadId, depsFor('A'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /filename="anna - Trip \(7524919459643919625\)\.zip"/,
    );
    const zip = Buffer.from(await response.arrayBuffer());
    assert.equal(zip.readUInt32LE(0), 0x04034b50, 'starts with a local file header');
    const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    assert.ok(endOfDirectory > 0);
    assert.equal(zip.readUInt16LE(endOfDirectory + 10), 3, 'three entries');
    for (const part of [...pictures, sound]) assert.ok(zip.includes(part), part.toString());
    for (const name of [
      'anna - Trip (7524919459643919625) 01.jpg',
      'anna - Trip (7524919459643919625) 02.jpg',
      'anna - Trip (7524919459643919625) sound.mp3',
    ]) {
      assert.ok(zip.includes(Buffer.from(name)), name);
    }
    // A video has no ZIP.
    assert.equal((await servePhotoZip(get('/z'), videoDownloadId, depsFor('A'))).status, 404);
  });
});
