import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { ERRORS, JOBS } from '@tiksavr/core';
import { type Db, ensureQueues } from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import type { Storage } from '@tiksavr/storage';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../../testing/callers.ts';

let nextItem = 7524919459643900000n;

/** A stored photo post: an Item with two images and a sound, each a real file in storage. */
async function seedStoredPhotoPost(db: Db, storage: Storage, contents = ['img-0', 'img-1', 'sound']) {
  const itemId = String(nextItem++);
  await db.item.create({
    data: { id: itemId, kind: 'photo', author: 'anna', caption: 'Trip', storedAt: new Date() },
  });
  const roles = ['image', 'image', 'audio'] as const;
  const keys: string[] = [];
  for (const [index, content] of contents.entries()) {
    const stored = await storage.write(Readable.from([Buffer.from(content)]));
    keys.push(stored.key);
    await db.asset.create({
      data: {
        itemId,
        role: roles[index] ?? 'image',
        index: roles[index] === 'audio' ? 0 : index,
        sha256: stored.sha256,
        size: BigInt(stored.size),
        mime: roles[index] === 'audio' ? 'audio/mpeg' : 'image/jpeg',
        storageKey: stored.key,
      },
    });
  }
  return { itemId, keys };
}

describe('downloads: get, retry, cancel, delete', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;

  before(async () => {
    database = await createTestDatabase('lifecycle');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  const codeOf = async (run: () => Promise<unknown>) => {
    try {
      await run();
      return 'ok';
    } catch (error) {
      assert.ok(error instanceof TRPCError, String(error));
      return `${error.code}/${(error.cause as { code?: string }).code}`;
    }
  };

  test('get returns the assets with their file urls and a ZIP url for a photo post', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const { itemId } = await seedStoredPhotoPost(database.db, callers.storage);
    const download = await seedDownload(database.db, user.id, { itemId, kind: 'photo', state: 'done' });
    const detail = await callers.callerFor(user).downloads.get({ id: download.id });
    assert.equal(detail.id, download.id);
    assert.equal(detail.zipUrl, `/api/files/zip/${download.id}`);
    assert.deepEqual(
      detail.assets.map((asset) => [asset.role, asset.index, asset.mime, asset.size]),
      [
        ['image', 0, 'image/jpeg', 5],
        ['image', 1, 'image/jpeg', 5],
        ['audio', 0, 'audio/mpeg', 5],
      ],
    );
    for (const asset of detail.assets) assert.equal(asset.url, `/api/files/${asset.id}`);
    const video = await seedDownload(database.db, user.id, {
      kind: 'video',
      state: 'failed',
      failureCode: 'region_locked',
    });
    const failed = await callers.callerFor(user).downloads.get({ id: video.id });
    assert.equal(failed.zipUrl, null);
    assert.deepEqual(failed.assets, []);
    assert.equal(failed.advice, 'screen_recording');
  });

  test('retry: only failed or canceled; queues it again with a new job', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const caller = callers.callerFor(user);
    const failed = await seedDownload(database.db, user.id, {
      state: 'failed',
      failureCode: 'network',
      failureMessage: 'x',
      finishedAt: new Date(),
    });
    const { jobId } = await caller.downloads.retry({ id: failed.id });
    const row = await database.db.download.findUniqueOrThrow({ where: { id: failed.id } });
    assert.equal(row.state, 'queued');
    assert.equal(row.jobId, jobId);
    assert.equal(row.failureCode, null);
    assert.equal(row.finishedAt, null);
    const job = await (await callers.boss()).getJobById<{ downloadId: string }>('media.download', jobId);
    assert.equal(job?.data.downloadId, failed.id);

    assert.equal(
      await codeOf(() => caller.downloads.retry({ id: failed.id })),
      'CONFLICT/download_state_conflict',
    );
    const canceled = await seedDownload(database.db, user.id, { state: 'canceled', failureCode: 'canceled' });
    assert.equal(await codeOf(() => caller.downloads.retry({ id: canceled.id })), 'ok');
    for (const state of ['done', 'resolving', 'downloading'] as const) {
      const row = await seedDownload(database.db, user.id, { state });
      assert.equal(
        await codeOf(() => caller.downloads.retry({ id: row.id })),
        'CONFLICT/download_state_conflict',
      );
    }
  });

  test('retry refuses what cannot end differently, says so, and leaves the row and queue alone', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const caller = callers.callerFor(user);
    const boss = await callers.boss();
    const finishedAt = new Date('2026-01-02T03:04:05Z');
    const refused = [
      { state: 'failed', failureCode: 'private_post' },
      { state: 'failed', failureCode: 'private_account' },
      { state: 'failed', failureCode: 'deleted' },
      { state: 'failed', failureCode: 'region_locked' },
      { state: 'failed', failureCode: 'age_restricted' },
      { state: 'failed', failureCode: 'invalid_link' },
      { state: 'failed', failureCode: 'short_link_dead' },
      { state: 'expired', failureCode: 'story_expired', kind: 'story' },
      // A story whose 24 hours ran out while it waited after a network failure.
      {
        state: 'failed',
        failureCode: 'network',
        kind: 'story',
        storyDeadline: new Date(Date.now() - 60_000),
      },
    ] as const;
    for (const seed of refused) {
      const row = await seedDownload(database.db, user.id, {
        ...seed,
        failureMessage: 'as the worker said it',
        finishedAt,
      });
      const label = `${seed.state}/${seed.failureCode}`;
      try {
        await caller.downloads.retry({ id: row.id });
        assert.fail(`${label} was retried`);
      } catch (error) {
        assert.ok(error instanceof TRPCError, String(error));
        assert.equal(error.code, 'CONFLICT', label);
        assert.equal((error.cause as { code?: string }).code, 'retry_not_possible', label);
        assert.equal(error.message, ERRORS.retry_not_possible.user, label);
      }
      const after = await database.db.download.findUniqueOrThrow({ where: { id: row.id } });
      assert.equal(after.state, seed.state, label);
      assert.equal(after.failureCode, seed.failureCode, label);
      assert.equal(after.failureMessage, 'as the worker said it', label);
      assert.deepEqual(after.finishedAt, finishedAt, label);
      assert.equal(after.jobId, null, label);
      assert.deepEqual(await boss.findJobs('media.download', { data: { downloadId: row.id } }), [], label);
    }
  });

  test('retry still queues passing trouble, an internal error (after an admin fixed it) and a canceled one', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const caller = callers.callerFor(user);
    const allowed = [
      { state: 'failed', failureCode: 'network' },
      { state: 'failed', failureCode: 'upstream_error' },
      { state: 'failed', failureCode: 'rate_limited' },
      { state: 'failed', failureCode: 'media_expired' },
      { state: 'failed', failureCode: 'internal' },
      { state: 'failed', failureCode: null },
      {
        state: 'failed',
        failureCode: 'network',
        kind: 'story',
        storyDeadline: new Date(Date.now() + 3_600_000),
      },
      { state: 'canceled', failureCode: 'canceled' },
    ] as const;
    for (const seed of allowed) {
      const row = await seedDownload(database.db, user.id, { ...seed, finishedAt: new Date() });
      const label = `${seed.state}/${seed.failureCode}`;
      const { jobId } = await caller.downloads.retry({ id: row.id });
      const after = await database.db.download.findUniqueOrThrow({ where: { id: row.id } });
      assert.equal(after.state, 'queued', label);
      assert.equal(after.jobId, jobId, label);
      assert.equal(after.failureCode, null, label);
    }
  });

  test('canRetry in the list, by ids and get matches what retry allows', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const caller = callers.callerFor(user);
    const rows = {
      network: await seedDownload(database.db, user.id, { state: 'failed', failureCode: 'network' }),
      internal: await seedDownload(database.db, user.id, { state: 'failed', failureCode: 'internal' }),
      canceled: await seedDownload(database.db, user.id, { state: 'canceled', failureCode: 'canceled' }),
      privatePost: await seedDownload(database.db, user.id, { state: 'failed', failureCode: 'private_post' }),
      storyExpired: await seedDownload(database.db, user.id, {
        state: 'expired',
        failureCode: 'story_expired',
        kind: 'story',
      }),
      done: await seedDownload(database.db, user.id, { state: 'done' }),
      queued: await seedDownload(database.db, user.id, { state: 'queued' }),
    };
    const expected = {
      network: true,
      internal: true,
      canceled: true,
      privatePost: false,
      storyExpired: false,
      done: false,
      queued: false,
    };
    const idToName = new Map(Object.entries(rows).map(([name, row]) => [row.id, name]));
    const byName = (items: { id: string; canRetry: boolean }[]) =>
      Object.fromEntries(items.map((item) => [idToName.get(item.id), item.canRetry]));
    assert.deepEqual(byName((await caller.downloads.list({ limit: 100 })).items), expected);
    assert.deepEqual(
      byName(await caller.downloads.byIds({ ids: Object.values(rows).map((r) => r.id) })),
      expected,
    );
    assert.equal((await caller.downloads.get({ id: rows.privatePost.id })).canRetry, false);
    assert.equal((await caller.downloads.get({ id: rows.network.id })).canRetry, true);
  });

  test('cancel: only queued, resolving or downloading; the waiting job is canceled too', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const caller = callers.callerFor(user);
    const { results } = await caller.downloads.submit({
      text: 'https://www.tiktok.com/@a/video/7524919459643919624',
    });
    const id = results[0]?.downloadId ?? '';
    await caller.downloads.cancel({ id });
    const row = await database.db.download.findUniqueOrThrow({ where: { id } });
    assert.equal(row.state, 'canceled');
    assert.equal(row.failureCode, 'canceled');
    assert.ok(row.finishedAt);
    const job = await (await callers.boss()).getJobById('media.download', row.jobId ?? '');
    assert.equal(job?.state, 'cancelled');
    assert.equal(await codeOf(() => caller.downloads.cancel({ id })), 'CONFLICT/download_state_conflict');
    for (const state of ['resolving', 'downloading'] as const) {
      const other = await seedDownload(database.db, user.id, { state });
      assert.equal(await codeOf(() => caller.downloads.cancel({ id: other.id })), 'ok', state);
    }
    const done = await seedDownload(database.db, user.id, { state: 'done' });
    assert.equal(
      await codeOf(() => caller.downloads.cancel({ id: done.id })),
      'CONFLICT/download_state_conflict',
    );
  });

  test("delete keeps an item's files while another Download (of anyone) still uses them", async () => {
    const a = sessionUserOf(await seedUser(database.db));
    const b = sessionUserOf(await seedUser(database.db));
    const { itemId, keys } = await seedStoredPhotoPost(database.db, callers.storage, ['k-0', 'k-1', 'k-2']);
    const mine = await seedDownload(database.db, a.id, { itemId, state: 'done' });
    const theirs = await seedDownload(database.db, b.id, { itemId, state: 'done' });

    await callers.callerFor(a).downloads.delete({ id: mine.id });
    assert.equal(await database.db.download.count({ where: { id: mine.id } }), 0);
    assert.equal(await database.db.asset.count({ where: { itemId } }), 3);
    for (const key of keys) assert.ok(await callers.storage.stat(key), key);

    await callers.callerFor(b).downloads.delete({ id: theirs.id });
    assert.equal(await database.db.asset.count({ where: { itemId } }), 0);
    for (const key of keys) assert.equal(await callers.storage.stat(key), null, key);
    const item = await database.db.item.findUniqueOrThrow({ where: { id: itemId } });
    assert.equal(item.storedAt, null);
  });

  test('delete keeps a file another item still references (same bytes, content-addressed)', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const first = await seedStoredPhotoPost(database.db, callers.storage, ['shared', 'only-1', 'only-2']);
    const second = await seedStoredPhotoPost(database.db, callers.storage, ['shared', 'other-1', 'other-2']);
    assert.equal(first.keys[0], second.keys[0]);
    const download = await seedDownload(database.db, user.id, { itemId: first.itemId, state: 'done' });
    await seedDownload(database.db, user.id, { itemId: second.itemId, state: 'done' });

    await callers.callerFor(user).downloads.delete({ id: download.id });
    assert.ok(await callers.storage.stat(first.keys[0] ?? ''), 'the shared file stays');
    assert.equal(await callers.storage.stat(first.keys[1] ?? ''), null);
    assert.equal(await callers.storage.stat(first.keys[2] ?? ''), null);
    assert.equal(
      await codeOf(() => callers.callerFor(user).downloads.delete({ id: download.id })),
      'NOT_FOUND/download_not_found',
    );
  });
});
