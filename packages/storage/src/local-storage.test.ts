import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { isAppError } from '@tiksavr/core';
import { ageTempFile, createLocalStorage } from './local-storage.ts';
import type { PartialUpload } from './storage.ts';

const roots: string[] = [];
after(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function newRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tiksavr-storage-'));
  roots.push(root);
  return root;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function* chunksOf(bytes: Buffer, size: number, failAfter?: number) {
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (failAfter !== undefined && offset >= failAfter) throw new Error('connection reset');
    yield bytes.subarray(offset, offset + size);
  }
}

const run = promisify(execFile);

/** Local storage always offers appendInPlace. */
function inPlace(partial: PartialUpload) {
  const appendInPlace = partial.appendInPlace;
  assert.ok(appendInPlace, 'local partial uploads can be written in place');
  return appendInPlace;
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A writer for appendInPlace: appends `bytes` in pieces with pauses, as a download would. */
function appendSlowly(bytes: Buffer, pieceBytes: number, options: { failAfter?: number } = {}) {
  return async ({ path, signal }: { path: string; signal: AbortSignal }) => {
    for (let at = 0; at < bytes.length; at += pieceBytes) {
      signal.throwIfAborted();
      if (options.failAfter !== undefined && at >= options.failAfter) throw new Error('connection reset');
      await appendFile(path, bytes.subarray(at, at + pieceBytes));
      await pause(1);
    }
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('createLocalStorage', () => {
  test('writes content-addressed, hashes while streaming, and reads back (also by range)', async () => {
    const root = await newRoot();
    const storage = createLocalStorage(root);
    const bytes = randomBytes(300_000);
    const stored = await storage.write(chunksOf(bytes, 7_000));
    assert.equal(stored.sha256, sha(bytes));
    assert.equal(stored.size, bytes.length);
    assert.equal(stored.key, `${stored.sha256.slice(0, 2)}/${stored.sha256}`);
    assert.deepEqual(await readFile(join(root, 'media', stored.key)), bytes);
    assert.deepEqual(await readAll(storage.read(stored.key)), bytes);
    assert.deepEqual(await readAll(storage.read(stored.key, { start: 10, end: 19 })), bytes.subarray(10, 20));
    assert.equal((await storage.stat(stored.key))?.size, bytes.length);
    assert.deepEqual(await storage.listTemp(), []);
  });

  test('the same content twice is stored once', async () => {
    const root = await newRoot();
    const storage = createLocalStorage(root);
    const bytes = randomBytes(10_000);
    const first = await storage.write(Readable.from([bytes]));
    const second = await storage.write(chunksOf(bytes, 999));
    assert.deepEqual(first, second);
    assert.equal((await readdir(join(root, 'media', first.key.slice(0, 2)))).length, 1);
    assert.deepEqual(await storage.listTemp(), []);
  });

  test('a body larger than maxBytes fails with too_large and leaves nothing behind', async () => {
    const storage = createLocalStorage(await newRoot());
    await assert.rejects(
      storage.write(chunksOf(randomBytes(50_000), 4_096), { maxBytes: 20_000 }),
      (error) => isAppError(error) && error.code === 'too_large',
    );
    assert.deepEqual(await storage.listTemp(), []);
  });

  test('a size other than expectedSize is refused', async () => {
    const storage = createLocalStorage(await newRoot());
    await assert.rejects(
      storage.write(chunksOf(randomBytes(1000), 100), { expectedSize: 1001 }),
      (error) => isAppError(error) && error.code === 'upstream_error',
    );
    assert.deepEqual(await storage.listTemp(), []);
  });

  test('a partial upload survives a failed source and resumes, in this process or a new one', async () => {
    const root = await newRoot();
    const bytes = randomBytes(100_000);
    const first = await createLocalStorage(root).beginPartial('dl-1.video.0');
    assert.equal(first.size(), 0);
    await assert.rejects(first.append(chunksOf(bytes, 8_000, 40_000)), /connection reset/);
    // Every chunk that arrived before the failure is on disk.
    const kept = first.size();
    assert.equal(kept, 40_000);

    // A new process (new storage instance) picks the same partial up and rehashes it.
    const again = await createLocalStorage(root).beginPartial('dl-1.video.0');
    assert.equal(again.size(), kept);
    const progress: number[] = [];
    await again.append(chunksOf(bytes.subarray(kept), 8_000), { onBytes: (n) => progress.push(n) });
    assert.equal(progress.at(-1), bytes.length);
    const stored = await again.commit({ expectedSize: bytes.length });
    assert.equal(stored.sha256, sha(bytes));
    assert.deepEqual(await createLocalStorage(root).listTemp(), []);
  });

  test('append after a failed append in the same upload still hashes every byte', async () => {
    const storage = createLocalStorage(await newRoot());
    const bytes = randomBytes(64_000);
    const partial = await storage.beginPartial('same-process');
    await assert.rejects(partial.append(chunksOf(bytes, 1_000, 30_000)));
    await partial.append(chunksOf(bytes.subarray(partial.size()), 5_000));
    assert.equal((await partial.commit()).sha256, sha(bytes));
  });

  test('appendInPlace hashes what another writer appends while it writes', async () => {
    const storage = createLocalStorage(await newRoot());
    const bytes = randomBytes(3 * 1024 * 1024 + 123);
    const partial = await storage.beginPartial('in-place');
    const progress: number[] = [];
    const size = await inPlace(partial)(appendSlowly(bytes, 256 * 1024), {
      onBytes: (n) => progress.push(n),
    });
    assert.equal(size, bytes.length);
    assert.ok(progress.length > 1, 'progress is reported while the writer writes');
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress only grows',
    );
    assert.equal(progress.at(-1), bytes.length);
    const stored = await partial.commit({ expectedSize: bytes.length });
    assert.equal(stored.sha256, sha(bytes));
    assert.deepEqual(await readAll(storage.read(stored.key)), bytes);
  });

  test('appendInPlace follows a writer in another process (dd appending 4 KiB blocks)', async () => {
    const root = await newRoot();
    const storage = createLocalStorage(root);
    const bytes = randomBytes(2 * 1024 * 1024);
    const source = join(root, 'source.bin');
    await writeFile(source, bytes.subarray(100_000));
    const partial = await storage.beginPartial('external');
    await partial.append(Readable.from([bytes.subarray(0, 100_000)]));
    await inPlace(partial)(async ({ path, offset }) => {
      assert.equal(offset, 100_000);
      await run('dd', [`if=${source}`, `of=${path}`, 'bs=4k', 'oflag=append', 'conv=notrunc', 'status=none']);
    });
    assert.equal((await partial.commit({ expectedSize: bytes.length })).sha256, sha(bytes));
  });

  test('after a failed in-place writer the bytes it wrote stay, and the next writer resumes', async () => {
    const root = await newRoot();
    const bytes = randomBytes(1024 * 1024);
    const first = await createLocalStorage(root).beginPartial('in-place-resume');
    await assert.rejects(
      inPlace(first)(appendSlowly(bytes, 64 * 1024, { failAfter: 512 * 1024 })),
      /connection reset/,
    );
    assert.equal(first.size(), 512 * 1024);
    // The same upload goes on…
    await inPlace(first)(appendSlowly(bytes.subarray(first.size(), 768 * 1024), 64 * 1024));
    assert.equal(first.size(), 768 * 1024);
    // …and so does a new process.
    const again = await createLocalStorage(root).beginPartial('in-place-resume');
    assert.equal(again.size(), 768 * 1024);
    await inPlace(again)(appendSlowly(bytes.subarray(again.size()), 64 * 1024));
    assert.equal((await again.commit({ expectedSize: bytes.length })).sha256, sha(bytes));
  });

  test('a writer that cuts the file back to its offset takes its bytes back', async () => {
    const storage = createLocalStorage(await newRoot());
    const kept = randomBytes(50_000);
    const partial = await storage.beginPartial('cut-back');
    await partial.append(Readable.from([kept]));
    await inPlace(partial)(async ({ path, offset }) => {
      await appendFile(path, Buffer.from('<html>302 Found</html>'));
      await pause(20); // long enough for those bytes to be hashed
      await truncate(path, offset);
    });
    assert.equal(partial.size(), kept.length);
    const rest = randomBytes(10_000);
    await inPlace(partial)(appendSlowly(rest, 4_000));
    assert.equal((await partial.commit()).sha256, sha(Buffer.concat([kept, rest])));
  });

  test('appendInPlace stops the writer and fails with too_large past maxBytes', async () => {
    const storage = createLocalStorage(await newRoot());
    const partial = await storage.beginPartial('too-big');
    let writerSignal: AbortSignal | undefined;
    await assert.rejects(
      inPlace(partial)(
        async (target) => {
          writerSignal = target.signal;
          await appendSlowly(randomBytes(400_000), 10_000)(target);
        },
        { maxBytes: 100_000 },
      ),
      (error: unknown) => isAppError(error) && error.code === 'too_large',
    );
    assert.equal(writerSignal?.aborted, true, 'the writer was told to stop');
  });

  test('reset drops what was received', async () => {
    const storage = createLocalStorage(await newRoot());
    const partial = await storage.beginPartial('reset-me');
    await partial.append(Readable.from([Buffer.from('stale bytes')]));
    await partial.reset();
    assert.equal(partial.size(), 0);
    const fresh = Buffer.from('fresh');
    await partial.append(Readable.from([fresh]));
    assert.equal((await partial.commit()).sha256, sha(fresh));
  });

  test('keys and partial ids can never leave the root', async () => {
    const storage = createLocalStorage(await newRoot());
    const good = `ab/ab${'0'.repeat(62)}`;
    assert.equal(await storage.stat(good), null);
    for (const key of [
      '../etc/passwd',
      `../${'a'.repeat(64)}`,
      `ab/../../${'a'.repeat(55)}`,
      `/ab/ab${'0'.repeat(62)}`,
      `ab/ab${'0'.repeat(62)}/..`,
      `cd/ab${'0'.repeat(62)}`,
      `AB/AB${'0'.repeat(62)}`,
      `ab\\ab${'0'.repeat(62)}`,
      `ab/ab${'0'.repeat(61)}\0`,
      '',
    ]) {
      assert.throws(
        () => storage.read(key),
        (error) => isAppError(error),
        key,
      );
      await assert.rejects(storage.stat(key), (error) => isAppError(error), key);
      await assert.rejects(storage.delete(key), (error) => isAppError(error), key);
    }
    for (const id of ['../x', 'a/b', '..', '.hidden', '', 'a..b', 'x'.repeat(200)]) {
      await assert.rejects(storage.beginPartial(id), (error) => isAppError(error), id);
    }
  });

  test('sweepTemp removes only old temp files', async () => {
    const root = await newRoot();
    const storage = createLocalStorage(root);
    const old = await storage.beginPartial('old');
    await old.append(Readable.from([Buffer.from('x')]));
    const recent = await storage.beginPartial('recent');
    await recent.append(Readable.from([Buffer.from('y')]));
    await ageTempFile(root, 'partial-old', 2 * 3600_000);
    assert.equal(await storage.sweepTemp(3600_000), 1);
    assert.deepEqual(await storage.listTemp(), ['partial-recent']);
  });

  test('discardPartials removes the partials of one prefix only', async () => {
    const storage = createLocalStorage(await newRoot());
    for (const id of ['123.video0.c0', '123.cover0.c1', '1234.video0.c0']) {
      await (await storage.beginPartial(id)).append(Readable.from([Buffer.from(id)]));
    }
    assert.equal(await storage.discardPartials('123.'), 2);
    assert.deepEqual(await storage.listTemp(), ['partial-1234.video0.c0']);
    await assert.rejects(storage.discardPartials(''), (error) => isAppError(error));
  });

  test('delete removes a stored file', async () => {
    const storage = createLocalStorage(await newRoot());
    const stored = await storage.write(Readable.from([Buffer.from('bye')]));
    await storage.delete(stored.key);
    assert.equal(await storage.stat(stored.key), null);
  });
});
