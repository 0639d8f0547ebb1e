import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { STALE_AFTER_MS } from '../../admin/worker-list.ts';
import { callerFactory, sessionUserOf } from '../../testing/callers.ts';
import type { SessionUser } from '../../trpc.ts';

/** What the dashboard reads besides the list itself: thumbnails, queue places, duplicates, stuck downloads. */
describe('dashboard status: thumbnails, queue position, already saved, downloader down', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  let user: SessionUser;
  let admin: SessionUser;

  before(async () => {
    database = await createTestDatabase('dashboard_status');
    callers = callerFactory(database.db, database.url);
    user = sessionUserOf(await seedUser(database.db));
    admin = sessionUserOf(await seedUser(database.db, { role: 'admin' }));
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.db.workerHeartbeat.deleteMany({});
  });

  async function beat(secondsAgo: number) {
    await database.db.workerHeartbeat.create({
      data: {
        id: randomUUID(),
        host: 'test',
        pid: 1,
        version: 'test',
        concurrency: 2,
        lastSeenAt: new Date(Date.now() - secondsAgo * 1000),
      },
    });
  }

  test('history cards carry the cover, the video to download and its size; a photo post its ZIP', async () => {
    const db = database.db;
    const videoId = '7524919459643900001';
    const photoId = '7524919459643900002';
    await db.item.create({ data: { id: videoId, kind: 'video', author: 'anna' } });
    await db.item.create({ data: { id: photoId, kind: 'photo', author: 'anna' } });
    const asset = (
      itemId: string,
      role: 'video' | 'image' | 'audio' | 'cover',
      index: number,
      size: number,
    ) =>
      db.asset.create({
        data: {
          itemId,
          role,
          index,
          size: BigInt(size),
          sha256: randomUUID(),
          mime: 'x/y',
          storageKey: randomUUID(),
        },
      });
    const video = await asset(videoId, 'video', 0, 5_000_000);
    const cover = await asset(videoId, 'cover', 0, 20_000);
    const firstPhoto = await asset(photoId, 'image', 0, 100);
    await asset(photoId, 'image', 1, 200);
    await asset(photoId, 'audio', 0, 300);
    const owner = sessionUserOf(await seedUser(db));
    await seedDownload(db, owner.id, {
      itemId: videoId,
      kind: 'video',
      state: 'done',
      createdAt: new Date(2),
    });
    const photoDownload = await seedDownload(db, owner.id, {
      itemId: photoId,
      kind: 'photo',
      state: 'done',
      createdAt: new Date(1),
    });
    await seedDownload(db, owner.id, { state: 'failed', createdAt: new Date(0) });

    const { items } = await callers.callerFor(owner).downloads.list({});
    assert.deepEqual(
      items.map((item) => [item.thumbnailUrl, item.fileUrl, item.fileKind, item.fileSize]),
      [
        [`/api/files/${cover.id}`, `/api/files/${video.id}`, 'video', 5_000_000],
        [`/api/files/${firstPhoto.id}`, `/api/files/zip/${photoDownload.id}`, 'zip', 600],
        [null, null, null, null],
      ],
    );
  });

  test('a waiting download knows how many are ahead of it, stories first, then oldest first', async () => {
    const other = sessionUserOf(await seedUser(database.db));
    const t = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes));
    await seedDownload(database.db, other.id, { state: 'queued', createdAt: t(0) });
    await seedDownload(database.db, other.id, { state: 'queued', createdAt: t(5), priority: 5 });
    await seedDownload(database.db, other.id, { state: 'downloading', createdAt: t(1) });
    const mine = await seedDownload(database.db, user.id, { state: 'queued', createdAt: t(2) });
    const myStory = await seedDownload(database.db, user.id, {
      state: 'queued',
      createdAt: t(9),
      priority: 5,
    });
    const myDone = await seedDownload(database.db, user.id, { state: 'done', createdAt: t(3) });
    const theirs = await seedDownload(database.db, other.id, { state: 'queued', createdAt: t(4) });

    await beat(1);
    const status = await callers
      .callerFor(user)
      .downloads.waiting({ ids: [mine.id, myStory.id, myDone.id, theirs.id] });
    assert.equal(status.downloaderDown, false);
    const ahead = new Map(status.positions.map((p) => [p.downloadId, p.ahead]));
    // Only the user's own waiting rows: not the finished one, not another person's.
    assert.deepEqual([...ahead.keys()].sort(), [mine.id, myStory.id].sort());
    assert.equal(ahead.get(myStory.id), 1, 'behind the earlier story only');
    assert.equal(ahead.get(mine.id), 3, 'behind both stories and the older post');
  });

  test('with no fresh heartbeat the downloader is down, and the admin sees how many are stuck', async () => {
    const queued = await seedDownload(database.db, user.id, { state: 'queued' });
    const adminCaller = callers.callerFor(admin);

    await beat(STALE_AFTER_MS / 1000 + 5);
    const down = await callers.callerFor(user).downloads.waiting({ ids: [queued.id] });
    assert.equal(down.downloaderDown, true);
    const stuck = await adminCaller.admin.downloader.status();
    assert.equal(stuck.down, true);
    assert.equal(stuck.liveWorkers, 0);
    const active = await database.db.download.count({
      where: { state: { in: ['queued', 'resolving', 'downloading'] } },
    });
    assert.equal(stuck.stuck, active);
    assert.ok(stuck.stuck >= 1);
    assert.match(stuck.lastBeatAt ?? '', /^\d{4}-/);

    await beat(0);
    const up = await adminCaller.admin.downloader.status();
    assert.deepEqual([up.down, up.stuck, up.liveWorkers], [false, 0, 1]);
    await assert.rejects(callers.callerFor(user).admin.downloader.status(), /admins/);
  });

  test('already saved: by item id, canonical URL or pasted text; a saved copy wins over a failed one', async () => {
    const owner = sessionUserOf(await seedUser(database.db));
    const itemId = '7524919459643911111';
    const post = `https://www.tiktok.com/@anna/video/${itemId}`;
    await seedDownload(database.db, owner.id, { canonicalUrl: post, itemId: null, state: 'failed' });
    const saved = await seedDownload(database.db, owner.id, {
      canonicalUrl: 'https://vm.tiktok.com/ZMsaved1/',
      itemId: null,
      state: 'done',
      finishedAt: new Date('2026-11-20T10:00:00Z'),
    });
    // The short link was resolved to the post: any link to the post is the same item.
    await database.db.item.create({ data: { id: itemId, kind: 'video', author: 'anna' } });
    await database.db.download.update({ where: { id: saved.id }, data: { itemId } });
    const waiting = await seedDownload(database.db, owner.id, {
      canonicalUrl: 'https://vm.tiktok.com/ZMwait22/',
      state: 'queued',
    });

    const found = await callers.callerFor(owner).downloads.alreadySaved({
      links: [
        { input: `${post}?lang=en`, canonicalUrl: post, itemId },
        { input: 'vm.tiktok.com/ZMwait22', canonicalUrl: 'https://vm.tiktok.com/ZMwait22/' },
        { input: 'https://vm.tiktok.com/ZMnew333/', canonicalUrl: 'https://vm.tiktok.com/ZMnew333/' },
      ],
    });
    assert.deepEqual(found, [
      {
        input: `${post}?lang=en`,
        downloadId: saved.id,
        canonicalUrl: 'https://vm.tiktok.com/ZMsaved1/',
        state: 'done',
        at: '2026-11-20T10:00:00.000Z',
      },
      {
        input: 'vm.tiktok.com/ZMwait22',
        downloadId: waiting.id,
        canonicalUrl: 'https://vm.tiktok.com/ZMwait22/',
        state: 'queued',
        at: waiting.createdAt.toISOString(),
      },
    ]);
    // Another person's copy is not this person's.
    const stranger = sessionUserOf(await seedUser(database.db));
    assert.deepEqual(
      await callers
        .callerFor(stranger)
        .downloads.alreadySaved({ links: [{ input: post, canonicalUrl: post, itemId }] }),
      [],
    );
  });
});
