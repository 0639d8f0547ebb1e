import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { createS3Storage, type S3Storage } from '@tiksavr/storage';
import { type S3TestServer, startS3TestServer } from '@tiksavr/storage/testing';
import { type FileRouteDeps, serveAsset } from './serve-asset.ts';
import { servePhotoZip } from './serve-photo-zip.ts';

/** The file routes over S3 storage: bytes streamed from the bucket through the app (ranged GETs). */
describe('file routes with S3 storage', () => {
  let database: TestDatabase;
  let s3: S3TestServer;
  let storage: S3Storage;
  let localRoot: string;
  let deps: FileRouteDeps;
  const video = randomBytes(200_000);
  let videoAssetId: string;
  let photoDownloadId: string;
  const get = (headers: Record<string, string> = {}) => new Request('http://127.0.0.1:3000/x', { headers });

  async function storeAsset(
    itemId: string,
    role: 'video' | 'image',
    index: number,
    mime: string,
    bytes: Buffer,
  ) {
    const stored = await storage.write(Readable.from([bytes]));
    const row = await database.db.asset.create({
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
    return row.id;
  }

  before(async () => {
    database = await createTestDatabase('files_s3');
    s3 = await startS3TestServer();
    localRoot = await mkdtemp(join(tmpdir(), 'tiksavr-files-s3-'));
    storage = createS3Storage({ s3: s3.settings('web'), localRoot });
    const user = await seedUser(database.db);
    deps = {
      db: database.db,
      storage,
      sessionUser: async () => ({ id: user.id, email: user.email, name: user.name, role: 'user' }),
    };
    await database.db.item.create({
      data: { id: '7524919459643919700', kind: 'video', author: 'anna', caption: 'S3' },
    });
    videoAssetId = await storeAsset('7524919459643919700', 'video', 0, 'video/mp4', video);
    await database.db.item.create({
      data: { id: '7524919459643919701', kind: 'photo', author: 'anna', caption: 'Pics' },
    });
    await storeAsset('7524919459643919701', 'image', 0, 'image/jpeg', Buffer.from('picture one'));
    await storeAsset('7524919459643919701', 'image', 1, 'image/jpeg', Buffer.from('picture two'));
    await seedDownload(database.db, user.id, { itemId: '7524919459643919700', state: 'done' });
    photoDownloadId = (
      await seedDownload(database.db, user.id, { itemId: '7524919459643919701', state: 'done' })
    ).id;
  });
  after(async () => {
    storage?.close();
    await s3?.close();
    await database?.drop();
    await rm(localRoot, { recursive: true, force: true });
  });

  test('the whole file and a range come from the bucket', async () => {
    const whole = await serveAsset(get(), videoAssetId, deps);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('content-length'), String(video.length));
    assert.deepEqual(Buffer.from(await whole.arrayBuffer()), video);

    const since = s3.requests.length;
    const part = await serveAsset(get({ range: 'bytes=1000-1999' }), videoAssetId, deps);
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 1000-1999/${video.length}`);
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), video.subarray(1000, 2000));
    assert.deepEqual(
      s3.requests.slice(since).map((request) => request.method),
      ['HEAD', 'GET'],
      'one HEAD for the size, one ranged GET',
    );
  });

  test('the photo ZIP streams every picture from the bucket', async () => {
    const response = await servePhotoZip(get(), photoDownloadId, deps);
    assert.equal(response.status, 200);
    const zip = Buffer.from(await response.arrayBuffer());
    assert.ok(zip.includes(Buffer.from('picture one')));
    assert.ok(zip.includes(Buffer.from('picture two')));
  });

  test('an object missing from the bucket is a 404', async () => {
    const row = await database.db.asset.findUniqueOrThrow({ where: { id: videoAssetId } });
    await storage.delete(row.storageKey);
    assert.equal((await serveAsset(get(), videoAssetId, deps)).status, 404);
  });
});
