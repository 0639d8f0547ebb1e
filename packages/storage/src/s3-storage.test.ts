import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { isAppError } from '@tiksavr/core';
import { createS3Storage, type S3Storage } from './s3-storage.ts';
import { type S3TestServer, startS3TestServer } from './testing/s3-test-server.ts';

const MIB = 1024 * 1024;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function* chunksOf(bytes: Buffer, size: number) {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

let server: S3TestServer;
const roots: string[] = [];
const storages: S3Storage[] = [];

before(async () => {
  server = await startS3TestServer();
});
after(async () => {
  for (const storage of storages) storage.close();
  await server.close();
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** A store under its own prefix, with parts of 5 MiB (S3's least) so multipart tests stay small. */
async function newStorage(prefix: string, upload: { attempts?: number } = {}) {
  const localRoot = await mkdtemp(join(tmpdir(), 'tiksavr-s3-local-'));
  roots.push(localRoot);
  const storage = createS3Storage({
    s3: server.settings(prefix),
    localRoot,
    upload: { partBytes: 5 * MIB, concurrency: 2, ...upload },
  });
  storages.push(storage);
  return { storage, localRoot };
}

/** Object keys of the bucket, straight from s3rver's folder (`<key>._S3rver_object`). */
async function objectsInBucket(): Promise<string[]> {
  const entries = await readdir(join(server.directory, server.bucket), { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('._S3rver_object'))
    .map((entry) => entry.slice(0, -'._S3rver_object'.length))
    .sort();
}

const uploadRequests = (since: number) =>
  server.requests.slice(since).filter((request) => request.method === 'PUT' || request.method === 'POST');

describe('createS3Storage against an S3 server on loopback', () => {
  test('writes content-addressed under the prefix, reads back whole and by range, stats and deletes', async () => {
    const { storage } = await newStorage('put-get');
    const bytes = randomBytes(300_000);
    const stored = await storage.write(chunksOf(bytes, 7_000));
    assert.equal(stored.sha256, sha(bytes));
    assert.equal(stored.size, bytes.length);
    assert.equal(stored.key, `${stored.sha256.slice(0, 2)}/${stored.sha256}`);
    assert.ok((await objectsInBucket()).includes(`put-get/${stored.key}`));

    assert.deepEqual(await readAll(storage.read(stored.key)), bytes);
    assert.deepEqual(await readAll(storage.read(stored.key, { start: 10, end: 19 })), bytes.subarray(10, 20));
    assert.deepEqual(await readAll(storage.read(stored.key, { start: 299_990 })), bytes.subarray(299_990));
    const stat = await storage.stat(stored.key);
    assert.equal(stat?.size, bytes.length);
    assert.ok(stat.modifiedAt.getTime() > Date.now() - 60_000);
    assert.deepEqual(await storage.listTemp(), [], 'the local partial file is gone after the upload');

    await storage.delete(stored.key);
    assert.equal(await storage.stat(stored.key), null);
    await storage.delete(stored.key); // deleting twice is fine
    await assert.rejects(
      readAll(storage.read(stored.key)),
      (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
    );
  });

  test('a large file goes up in parts streamed from the partial file, and reads back the same', async () => {
    const { storage } = await newStorage('multipart');
    const bytes = randomBytes(12 * MIB + 12_345);
    const since = server.requests.length;
    const partial = await storage.beginPartial('item1.video0.c0');
    await partial.append(chunksOf(bytes, 64 * 1024));
    const stored = await partial.commit({ expectedSize: bytes.length });
    assert.equal(stored.sha256, sha(bytes));
    const parts = uploadRequests(since).filter((request) => /partNumber=/.test(request.query));
    assert.equal(parts.length, 3, '12 MiB in parts of 5 MiB');
    assert.equal(await server.openMultipartUploads(), 0);
    const back = await readAll(storage.read(stored.key));
    assert.equal(sha(back), stored.sha256);
    assert.deepEqual(await storage.listTemp(), []);
  });

  test('a reader that stops early ends its GET; the next read is whole', async () => {
    const { storage } = await newStorage('early-stop');
    const bytes = randomBytes(4 * MIB);
    const stored = await storage.write(chunksOf(bytes, MIB));
    const stream = storage.read(stored.key);
    let seen = 0;
    for await (const chunk of stream) {
      seen += (chunk as Buffer).length;
      if (seen > 100_000) break; // destroys the stream
    }
    assert.ok(seen < bytes.length);
    assert.equal(stream.destroyed, true);
    assert.equal(sha(await readAll(storage.read(stored.key))), sha(bytes));
  });

  test('the same content twice is uploaded once (HEAD before upload)', async () => {
    const { storage } = await newStorage('dedup');
    const bytes = randomBytes(50_000);
    const first = await storage.write(chunksOf(bytes, 4_096));
    const since = server.requests.length;
    const second = await storage.write(chunksOf(bytes, 10_000));
    assert.deepEqual(second, first);
    assert.deepEqual(uploadRequests(since), [], 'no PUT or POST for content already stored');
    assert.ok(server.requests.slice(since).some((request) => request.method === 'HEAD'));
    assert.deepEqual(await storage.listTemp(), []);
  });

  test('an interrupted upload leaves nothing under the key; the partial file stays and the next commit succeeds', async () => {
    const { storage } = await newStorage('interrupted', { attempts: 1 });
    const bytes = randomBytes(11 * MIB);
    const partial = await storage.beginPartial('item2.video0.c0');
    await partial.append(chunksOf(bytes, 256 * 1024));
    const key = `${sha(bytes).slice(0, 2)}/${sha(bytes)}`;

    const since = server.requests.length;
    server.cutUploads(100);
    await assert.rejects(partial.commit({ expectedSize: bytes.length }), (error) => {
      assert.ok(isAppError(error), String(error));
      assert.equal(error.code, 'storage_unavailable');
      assert.equal(error.retryable, true);
      return true;
    });
    server.cutUploads(0);
    assert.equal(await storage.stat(key), null, 'no object under the final key');
    assert.ok(!(await objectsInBucket()).includes(`interrupted/${key}`));
    assert.ok(
      server.requests
        .slice(since)
        .some((request) => request.method === 'DELETE' && /uploadId=/.test(request.query)),
      'AbortMultipartUpload was sent',
    );
    assert.equal(await server.openMultipartUploads(), 0, 'the failed multipart upload was aborted');
    assert.deepEqual(await storage.listTemp(), ['partial-item2.video0.c0'], 'received bytes are kept');
    assert.equal(partial.size(), bytes.length);

    // The job's retry: the same partial (in a new process too) commits again, from the start.
    const again = await storage.beginPartial('item2.video0.c0');
    assert.equal(again.size(), bytes.length);
    const stored = await again.commit({ expectedSize: bytes.length });
    assert.equal(stored.key, key);
    assert.equal(sha(await readAll(storage.read(key))), sha(bytes));
    assert.deepEqual(await storage.listTemp(), []);
  });

  test('a part whose connection is cut once is sent again, and the upload completes', async () => {
    const { storage } = await newStorage('part-retry');
    const bytes = randomBytes(6 * MIB);
    const since = server.requests.length;
    server.cutUploads(1);
    const stored = await storage.write(chunksOf(bytes, 512 * 1024));
    server.cutUploads(0);
    const parts = uploadRequests(since).filter((request) => /partNumber=/.test(request.query));
    assert.equal(parts.length, 3, 'two parts of which one was sent twice');
    assert.equal(sha(await readAll(storage.read(stored.key))), sha(bytes));
  });

  test('keys can never leave the prefix; partial ids stay in the temp folder', async () => {
    const { storage } = await newStorage('keys');
    const bad = [
      '../x',
      'ab/../../etc',
      '/ab/cd',
      `ab/${'a'.repeat(64)}`, // the folder must be the hash's first two digits
      `AA/${'A'.repeat(64)}`,
      `${'a'.repeat(2)}/${'a'.repeat(64)}/../../other`,
      '',
    ];
    for (const key of bad) {
      assert.throws(
        () => storage.read(key),
        (error) => isAppError(error) && error.code === 'internal',
        key,
      );
      await assert.rejects(storage.stat(key), (error) => isAppError(error) && error.code === 'internal', key);
      await assert.rejects(
        storage.delete(key),
        (error) => isAppError(error) && error.code === 'internal',
        key,
      );
    }
    assert.equal(storage.connection.objectKey(`aa/${'a'.repeat(64)}`), `keys/aa/${'a'.repeat(64)}`);
    await assert.rejects(storage.beginPartial('../escape'), (error) => isAppError(error));
    await assert.rejects(storage.beginPartial('a/b'), (error) => isAppError(error));
  });

  test('list finds every stored file under its own prefix only, page by page', async () => {
    const { storage } = await newStorage('listing');
    const { storage: neighbour } = await newStorage('listing-other');
    const stored = [];
    for (let index = 0; index < 3; index++)
      stored.push(await storage.write(chunksOf(randomBytes(1000 + index), 500)));
    await neighbour.write(chunksOf(randomBytes(10), 5));
    const listed = [];
    for await (const object of storage.list()) listed.push(object);
    assert.deepEqual(
      listed.map((object) => [object.key, object.size]).sort(),
      stored.map((object) => [object.key, object.size]).sort(),
    );
  });

  test('partials: discard by prefix, sweep old ones, list', async () => {
    const { storage } = await newStorage('partials');
    for (const id of ['123.video0.c0', '123.cover0.c0', '1234.video0.c0']) {
      await (await storage.beginPartial(id)).append(chunksOf(Buffer.from('abc'), 1));
    }
    assert.equal(await storage.discardPartials('123.'), 2);
    assert.deepEqual(await storage.listTemp(), ['partial-1234.video0.c0']);
    assert.equal(await storage.sweepTemp(3600_000), 0);
    assert.equal(await storage.sweepTemp(0), 1);
    assert.deepEqual(await storage.listTemp(), []);
  });

  test('a store that cannot be reached fails with storage_unavailable, keeping the partial', async () => {
    const localRoot = await mkdtemp(join(tmpdir(), 'tiksavr-s3-local-'));
    roots.push(localRoot);
    // A port nothing listens on: the test server's port once it is closed.
    const gone = await startS3TestServer({ bucket: 'gone-bucket' });
    const settings = gone.settings('x');
    await gone.close();
    const storage = createS3Storage({ s3: settings, localRoot, upload: { attempts: 1 } });
    storages.push(storage);
    const partial = await storage.beginPartial('item3.video0.c0');
    await partial.append(chunksOf(Buffer.from('hello'), 2));
    await assert.rejects(
      partial.commit(),
      (error) => isAppError(error) && error.code === 'storage_unavailable',
    );
    assert.deepEqual(await storage.listTemp(), ['partial-item3.video0.c0']);
    await assert.rejects(
      storage.stat(`aa/${'a'.repeat(64)}`),
      (error) => isAppError(error) && error.code === 'storage_unavailable',
    );
  });
});
