import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createS3Storage, type S3Storage } from '@tiksavr/storage';
import { type S3TestServer, startS3TestServer } from '@tiksavr/storage/testing';
import { createWorkerWorld, show, tiktokUrlOf, type WorkerWorld } from '../../test-support/worker-fixture.ts';

const MIB = 1024 * 1024;
const PREFIX = 'worker-test';

let world: WorkerWorld;
let s3: S3TestServer;
let bucket: S3Storage;

async function localFiles(folder: string): Promise<string[]> {
  return readdir(join(world.dataDir, folder), { recursive: true }).catch(() => []);
}

async function assertInBucket(itemId: string) {
  const assets = await world.database.db.asset.findMany({ where: { itemId } });
  assert.ok(assets.length > 0, 'assets recorded');
  for (const asset of assets) {
    const stat = await bucket.stat(asset.storageKey);
    assert.equal(stat?.size, Number(asset.size), `${asset.role}${asset.index} is in the bucket`);
  }
  const video = assets.find((asset) => asset.role === 'video');
  if (video) assert.equal(video.sha256, await world.sim.mediaSha256(itemId, 'video'));
  return assets;
}

describe('media.download into S3 storage (STORAGE_URL=s3://…, an S3 server on loopback)', () => {
  before(async () => {
    s3 = await startS3TestServer();
    bucket = createS3Storage({ s3: s3.settings(PREFIX), localRoot: join(s3.directory, 'unused') });
    world = await createWorkerWorld('ws3');
    const worker = await world.startWorker({ ...s3.env(PREFIX), WORKER_CURL_MIN_BYTES: String(4 * MIB) });
    // The S3 store keeps its partial files locally, so curl still writes large files in place.
    assert.equal(worker.curlFromBytes, 4 * MIB);
  });
  after(async () => {
    bucket?.close();
    await world?.close();
    await s3?.close();
  });

  test('a small video (node:http), a large one (curl) and a photo post end in the bucket, nothing left locally', async () => {
    const small = world.sim.addItem({ kind: 'video', username: 's3.small' });
    const large = world.sim.addItem({ kind: 'video', username: 's3.large', largeBytes: 24 * MIB + 77 });
    const photos = world.sim.addItem({ kind: 'photo', username: 's3.photos' });
    const ids = [
      await world.submit(tiktokUrlOf(small)),
      await world.submit(tiktokUrlOf(large)),
      await world.submit(tiktokUrlOf(photos)),
    ];
    const rows = await world.waitForTerminal(ids, 60_000);
    for (const row of rows) assert.equal(row.state, 'done', show(row));
    await assertInBucket(small.id);
    const [largeVideo] = await assertInBucket(large.id);
    assert.equal(Number(largeVideo?.size), 24 * MIB + 77);
    assert.ok((await assertInBucket(photos.id)).length >= 2, 'images and audio');
    assert.deepEqual(await localFiles('tmp'), [], 'no partial file left behind');
    assert.deepEqual(await localFiles('media'), [], 'nothing stored in the local folder');
    assert.equal(await s3.openMultipartUploads(), 0);
  });

  test('a video whose bytes are in the bucket already is not uploaded again', async () => {
    const item = world.sim.addItem({ kind: 'video', username: 's3.again' });
    const since = s3.requests.length;
    const [row] = await world.waitForTerminal([await world.submit(tiktokUrlOf(item))], 30_000);
    assert.equal(row?.state, 'done', show(row));
    await assertInBucket(item.id);
    const video = await world.database.db.asset.findFirst({ where: { itemId: item.id, role: 'video' } });
    const uploads = s3.requests.slice(since).filter((request) => request.method === 'PUT');
    assert.ok(
      video && !uploads.some((request) => request.path.endsWith(video.storageKey)),
      'the video was not PUT',
    );
  });

  test('a store that refuses uploads for a while: the download is retried and ends done', async () => {
    // Bytes of its own (a small video's fixture file is stored already: it would not be uploaded).
    const item = world.sim.addItem({ kind: 'video', username: 's3.flaky', largeBytes: 2 * MIB + 5 });
    // Every try of the first attempt's PUT loses its connection (3 tries per request).
    s3.cutUploads(3);
    const [row] = await world.waitForTerminal([await world.submit(tiktokUrlOf(item))], 30_000);
    s3.cutUploads(0);
    assert.equal(row?.state, 'done', show(row));
    assert.ok((row?.attempts ?? 0) >= 2, `retried after the store failed: ${show(row)}`);
    await assertInBucket(item.id);
    assert.deepEqual(await localFiles('tmp'), []);
  });
});
