import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createLocalStorage } from './local-storage.ts';
import type { ListedObject } from './storage.ts';

async function collect(objects: AsyncIterable<ListedObject>): Promise<ListedObject[]> {
  const all: ListedObject[] = [];
  for await (const object of objects) all.push(object);
  return all;
}

describe('local storage list()', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tiksavr-list-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('lists every stored file with its size, and nothing that is not a content address', async () => {
    const storage = createLocalStorage(root);
    assert.deepEqual(await collect(storage.list()), []);
    const one = await storage.write(Readable.from([Buffer.from('first file')]));
    const two = await storage.write(Readable.from([Buffer.from('second, longer file')]));
    // A partial upload, a stray file and a folder that merely looks like a fan-out folder.
    const partial = await storage.beginPartial('still-arriving');
    await partial.append(Readable.from([Buffer.from('half')]));
    await writeFile(join(root, 'media', 'notes.txt'), 'not media');
    await mkdir(join(root, 'media', 'zz'), { recursive: true });
    await writeFile(join(root, 'media', 'zz', 'x'.repeat(64)), 'not media either');

    const listed = await collect(storage.list());
    assert.deepEqual(
      listed.map(({ key, size }) => ({ key, size })).sort((a, b) => a.key.localeCompare(b.key)),
      [one, two].map(({ key, size }) => ({ key, size })).sort((a, b) => a.key.localeCompare(b.key)),
    );
    for (const object of listed) assert.ok(Date.now() - object.modifiedAt.getTime() < 60_000);

    await storage.delete(one.key);
    assert.deepEqual(
      (await collect(storage.list())).map((object) => object.key),
      [two.key],
    );
  });
});
