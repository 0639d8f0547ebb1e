import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { createLocalStorage, type Storage } from '@tiksavr/storage';
import type { FileRouteDeps } from '../files/serve-asset.ts';
import type { SessionUser } from '../trpc.ts';
import { serveAvatar } from './serve-avatar.ts';

describe('avatar route', () => {
  let database: TestDatabase;
  let storage: Storage;
  let root: string;
  let watcher: SessionUser;
  let stranger: SessionUser;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(40, 7),
  ]);
  const ids: Record<'withPicture' | 'withoutPicture' | 'notAnImage', string> = {
    withPicture: '',
    withoutPicture: '',
    notAnImage: '',
  };

  const depsFor = (user: SessionUser | null): FileRouteDeps => ({
    db: database.db,
    storage,
    sessionUser: async () => user,
  });
  const get = (creatorId: string, user: SessionUser | null) =>
    serveAvatar(new Request(`http://127.0.0.1:3000/api/avatars/${creatorId}`), creatorId, depsFor(user));

  before(async () => {
    database = await createTestDatabase('avatars');
    root = await mkdtemp(join(tmpdir(), 'tiksavr-avatars-'));
    storage = createLocalStorage(root);
    const toUser = (row: { id: string; email: string; name: string; role: string }) => ({ ...row });
    watcher = toUser(await seedUser(database.db));
    stranger = toUser(await seedUser(database.db));
    const picture = await storage.write(Readable.from([png]));
    const text = await storage.write(Readable.from([Buffer.from('<html>not a picture</html>')]));
    for (const [name, avatarKey] of [
      ['withPicture', picture.key],
      ['withoutPicture', null],
      ['notAnImage', text.key],
    ] as const) {
      const creator = await database.db.creator.create({
        data: { handle: name, handleKey: name.toLowerCase(), avatarKey },
      });
      await database.db.watch.create({ data: { userId: watcher.id, creatorId: creator.id } });
      ids[name] = creator.id;
    }
  });
  after(async () => {
    await database?.drop();
    await rm(root, { recursive: true, force: true });
  });

  test('a watcher gets the picture with its image type; the bytes are the stored ones', async () => {
    const response = await get(ids.withPicture, watcher);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), png);
  });

  test('signed out 401; someone not watching, no picture, not an image or a bad id: 404', async () => {
    const statuses = {
      anonymous: (await get(ids.withPicture, null)).status,
      stranger: (await get(ids.withPicture, stranger)).status,
      withoutPicture: (await get(ids.withoutPicture, watcher)).status,
      notAnImage: (await get(ids.notAnImage, watcher)).status,
      badId: (await get('../../etc/passwd', watcher)).status,
    };
    assert.deepEqual(statuses, {
      anonymous: 401,
      stranger: 404,
      withoutPicture: 404,
      notAnImage: 404,
      badId: 404,
    });
  });
});
