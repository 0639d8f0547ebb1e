import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { JOBS } from '@tiksavr/core';
import { ensureQueues } from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../../testing/callers.ts';
import type { SessionUser } from '../../trpc.ts';

type Caller = ReturnType<ReturnType<typeof callerFactory>['callerFor']>;

describe('watches', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  let anna: SessionUser;
  let ben: SessionUser;
  let a: Caller;
  let b: Caller;

  const appCodeOf = async (run: () => Promise<unknown>): Promise<string | undefined> => {
    try {
      await run();
    } catch (error) {
      assert.ok(error instanceof TRPCError, String(error));
      return (error.cause as { code?: string } | undefined)?.code;
    }
    assert.fail('expected an error');
  };
  const checkJobs = () =>
    database.db.$queryRaw<{ data: { creatorId: string; reason: string }; singletonKey: string | null }[]>`
      SELECT data, singleton_key AS "singletonKey" FROM pgboss.job WHERE name = 'creator.check' ORDER BY created_on`;

  before(async () => {
    database = await createTestDatabase('watches');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
    anna = sessionUserOf(await seedUser(database.db));
    ben = sessionUserOf(await seedUser(database.db));
    a = callers.callerFor(anna);
    b = callers.callerFor(ben);
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'creator.check'`;
    await database.db.watch.deleteMany({});
    await database.db.creator.deleteMany({});
    await database.db.setting.deleteMany({});
  });

  test('a profile link, @name and name all watch the same creator, once, with a first check queued', async () => {
    const first = await a.watches.add({ creator: 'https://www.tiktok.com/@Night.Owl.Art?lang=en' });
    assert.equal(first.created, true);
    assert.equal(first.watch.creator.handle, 'Night.Owl.Art');
    assert.deepEqual(
      { stories: first.watch.stories, posts: first.watch.posts, paused: first.watch.paused },
      { stories: true, posts: false, paused: false },
    );
    for (const input of ['@night.owl.art', 'NIGHT.OWL.ART']) {
      const again = await a.watches.add({ creator: input });
      assert.equal(again.created, false, input);
      assert.equal(again.watch.id, first.watch.id, input);
    }
    const creators = await database.db.creator.findMany();
    assert.deepEqual(
      creators.map((c) => ({ handle: c.handle, handleKey: c.handleKey })),
      [{ handle: 'Night.Owl.Art', handleKey: 'night.owl.art' }],
    );
    assert.deepEqual(await checkJobs(), [
      {
        data: { creatorId: first.watch.creator.id, reason: 'new_watch' },
        singletonKey: first.watch.creator.id,
      },
    ]);
  });

  test('two people watching one creator share the Creator row; each has a watch', async () => {
    const [fromA, fromB] = await Promise.all([
      a.watches.add({ creator: '@sunny.kitchen' }),
      b.watches.add({ creator: 'sunny.kitchen' }),
    ]);
    assert.equal(fromA.watch.creator.id, fromB.watch.creator.id);
    assert.notEqual(fromA.watch.id, fromB.watch.id);
    assert.equal(await database.db.creator.count(), 1);
    assert.equal(await database.db.watch.count(), 2);
    // A second check while the first still waits is folded into it (stately, keyed by creator).
    assert.equal((await checkJobs()).length, 1);
  });

  test('something that is not an account is refused with invalid_creator', async () => {
    for (const input of [
      'https://vm.tiktok.com/ZMabc123/',
      'https://www.youtube.com/@x',
      'not a handle!',
      '@',
    ]) {
      assert.equal(await appCodeOf(() => a.watches.add({ creator: input })), 'invalid_creator', input);
    }
    assert.equal(await database.db.creator.count(), 0);
  });

  test('the per-user limit (an admin setting) refuses one more with too_many_watches', async () => {
    await database.db.setting.create({ data: { key: 'watch.maxPerUser', value: 2 } });
    await a.watches.add({ creator: '@one' });
    await a.watches.add({ creator: '@two' });
    assert.equal(await appCodeOf(() => a.watches.add({ creator: '@three' })), 'too_many_watches');
    // Re-adding one already watched is not a new watch, and another person has their own limit.
    assert.equal((await a.watches.add({ creator: '@two' })).created, false);
    assert.equal((await b.watches.add({ creator: '@three' })).created, true);
    const list = await a.watches.list();
    assert.equal(list.limit, 2);
    assert.deepEqual(
      list.watches.map((w) => w.creator.handle),
      ['two', 'one'],
    );
  });

  test('list shows checks, items captured and the last problem in plain words', async () => {
    const { watch } = await a.watches.add({ creator: '@quiet.corner' });
    const checkedAt = new Date(Date.now() - 10 * 60_000);
    const nextAt = new Date(Date.now() + 50 * 60_000);
    await database.db.creator.update({
      where: { id: watch.creator.id },
      data: {
        nickname: 'Quiet Corner',
        lastCheckedAt: checkedAt,
        nextCheckAt: nextAt,
        problemCode: 'rate_limited',
        problemAt: checkedAt,
        consecutiveFailures: 2,
        avatarKey: `ab/ab${'0'.repeat(62)}`,
      },
    });
    for (const itemId of ['7524919459643919624', '7524919459643919625']) {
      const download = await seedDownload(database.db, anna.id, {
        origin: 'watch',
        watchId: watch.id,
        itemId: null,
      });
      await database.db.watchCapture.create({ data: { watchId: watch.id, itemId, downloadId: download.id } });
    }
    const [row] = (await a.watches.list()).watches;
    assert.equal(row?.creator.nickname, 'Quiet Corner');
    assert.equal(row?.lastCheckedAt, checkedAt.toISOString());
    assert.equal(row?.nextCheckAt, nextAt.toISOString());
    assert.equal(row?.itemsCaptured, 2);
    assert.match(row?.creator.avatarUrl ?? '', new RegExp(`^/api/avatars/${watch.creator.id}\\?v=`));
    assert.deepEqual(row?.problem, {
      code: 'rate_limited',
      text: 'TikTok refused the last check.',
      retrying: true,
      at: checkedAt.toISOString(),
      inARow: 2,
    });
    assert.deepEqual((await b.watches.list()).watches, []);
  });

  test('options, pause, resume and remove; what the watch saved stays in the history', async () => {
    const { watch } = await a.watches.add({ creator: '@trailnotes' });
    const posts = await a.watches.setOptions({ id: watch.id, posts: true });
    assert.deepEqual({ stories: posts.stories, posts: posts.posts }, { stories: true, posts: true });
    const noStories = await a.watches.setOptions({ id: watch.id, stories: false });
    assert.deepEqual({ stories: noStories.stories, posts: noStories.posts }, { stories: false, posts: true });

    const paused = await a.watches.pause({ id: watch.id });
    assert.equal(paused.paused, true);
    assert.equal(paused.nextCheckAt, null);
    const resumed = await a.watches.resume({ id: watch.id });
    assert.equal(resumed.paused, false);
    assert.ok(resumed.nextCheckAt);

    const saved = await seedDownload(database.db, anna.id, { origin: 'watch', watchId: watch.id });
    assert.deepEqual(await a.watches.remove({ id: watch.id }), { id: watch.id });
    assert.equal(await database.db.watch.count({ where: { id: watch.id } }), 0);
    const kept = await database.db.download.findUniqueOrThrow({ where: { id: saved.id } });
    assert.deepEqual({ origin: kept.origin, watchId: kept.watchId }, { origin: 'watch', watchId: null });
    assert.equal(await appCodeOf(() => a.watches.pause({ id: watch.id })), 'watch_not_found');
  });

  test('check now queues a manual check, folds a second one into it, and refuses right after a check', async () => {
    const { watch } = await a.watches.add({ creator: '@matchday.clips' });
    await database.db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'creator.check'`;
    assert.deepEqual(await a.watches.checkNow({ id: watch.id }), { outcome: 'queued' });
    assert.deepEqual(await a.watches.checkNow({ id: watch.id }), { outcome: 'already_queued' });
    assert.deepEqual(
      (await checkJobs()).map((job) => job.data),
      [{ creatorId: watch.creator.id, reason: 'manual' }],
    );
    await database.db.creator.update({
      where: { id: watch.creator.id },
      data: { lastCheckedAt: new Date() },
    });
    assert.equal(await appCodeOf(() => a.watches.checkNow({ id: watch.id })), 'check_too_soon');
  });

  test("another person's watch is exactly like a missing one: watch_not_found, nothing changed", async () => {
    const { watch } = await a.watches.add({ creator: '@late.show.clips' });
    const calls: [string, () => Promise<unknown>][] = [
      ['setOptions', () => b.watches.setOptions({ id: watch.id, posts: true })],
      ['pause', () => b.watches.pause({ id: watch.id })],
      ['resume', () => b.watches.resume({ id: watch.id })],
      ['remove', () => b.watches.remove({ id: watch.id })],
      ['checkNow', () => b.watches.checkNow({ id: watch.id })],
      ['missing id', () => a.watches.pause({ id: '00000000-0000-4000-8000-000000000000' })],
    ];
    for (const [name, call] of calls) assert.equal(await appCodeOf(call), 'watch_not_found', name);
    const row = await database.db.watch.findUniqueOrThrow({ where: { id: watch.id } });
    assert.deepEqual({ posts: row.posts, pausedAt: row.pausedAt }, { posts: false, pausedAt: null });
  });

  test('signed out: every procedure is UNAUTHORIZED', async () => {
    const anonymous = callers.callerFor(null);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const call of [
      () => anonymous.watches.list(),
      () => anonymous.watches.add({ creator: '@x' }),
      () => anonymous.watches.setOptions({ id, posts: true }),
      () => anonymous.watches.pause({ id }),
      () => anonymous.watches.resume({ id }),
      () => anonymous.watches.remove({ id }),
      () => anonymous.watches.checkNow({ id }),
    ]) {
      await assert.rejects(call, (error) => error instanceof TRPCError && error.code === 'UNAUTHORIZED');
    }
  });
});
