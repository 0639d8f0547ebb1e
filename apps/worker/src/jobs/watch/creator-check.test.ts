import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedUser } from '@tiksavr/db/testing';
import { setRequestsPerMinute, waitUntil, watchCreator } from '../../test-support/watch-fixture.ts';
import { createWorkerWorld, show, type WorkerWorld } from '../../test-support/worker-fixture.ts';
import type { RunningWorker } from '../../worker.ts';
import type { CheckOutcome } from './check-creator.ts';
import { runWatchTick } from './watch-tick.ts';

let world: WorkerWorld;
let worker: RunningWorker;
const outcomes: CheckOutcome[] = [];
const HOUR = 3600_000;

before(async () => {
  world = await createWorkerWorld('watchcheck');
  // Fast enough for a test; the budget itself is tested in upstream-budget/.
  await setRequestsPerMinute(world.database.db, 3000);
  worker = await world.startWorker();
  worker.onCreatorCheck((outcome) => outcomes.push(outcome));
});
after(async () => {
  await world?.close();
});

/** What the scheduler would do within a minute: a tick, then the check of `creatorId` ends. */
async function checkedNow(creatorId: string): Promise<CheckOutcome> {
  const seen = outcomes.length;
  await runWatchTick({ db: world.database.db, boss: world.producer, now: () => new Date() });
  return waitUntil(
    'the creator check',
    async () => outcomes.slice(seen).find((o) => o.creatorId === creatorId && o.result !== 'skipped') ?? null,
    20_000,
  );
}

describe('a creator check', () => {
  test("a watched creator's live story becomes a download in each watcher's history, fetched once; a paused watch gets nothing", async () => {
    const { db } = world.database;
    const story = world.sim.addItem({
      kind: 'video',
      username: 'two_watchers',
      story: true,
      createTime: new Date(Date.now() - 2 * HOUR),
    });
    const second = await seedUser(db);
    const resting = await seedUser(db);
    const first = await watchCreator(db, world.userId, 'two_watchers');
    await watchCreator(db, second.id, 'two_watchers');
    await watchCreator(db, resting.id, 'two_watchers', { paused: true });

    const outcome = await checkedNow(first.creator.id);
    assert.equal(outcome.result, 'checked');
    assert.equal(outcome.captured, 2);
    assert.equal(outcome.requests, 2, 'one profile page and one story list');

    const all = await db.download.findMany({ where: { canonicalUrl: { contains: story.id } } });
    assert.equal(all.length, 2, 'one download per active watcher');
    const done = await world.waitForTerminal(
      all.map((d) => d.id),
      30_000,
    );
    for (const row of done) assert.equal(row.state, 'done', show(row));
    assert.deepEqual(new Set(all.map((d) => d.userId)), new Set([world.userId, second.id]));
    for (const row of all) {
      assert.equal(row.origin, 'watch');
      assert.equal(row.kind, 'story');
      assert.ok(row.watchId !== null);
      assert.equal(row.storyDeadline?.getTime(), (story.createTimeSeconds + 24 * 3600) * 1000);
    }
    const media = world.sim.stats().items[story.id]?.media['video#0'];
    assert.equal(media?.completeBodies, 1, 'the story was fetched once for both watchers');

    const creator = await db.creator.findUniqueOrThrow({ where: { id: first.creator.id } });
    assert.equal(creator.tiktokId, story.authorId);
    assert.equal(creator.secUid, story.secUid);
    assert.equal(creator.problemCode, null);
    assert.ok(creator.avatarKey !== null, 'the avatar is kept in storage');
    assert.equal(creator.checkingSince, null);
    const inMinutes = (creator.nextCheckAt.getTime() - Date.now()) / 60_000;
    assert.ok(inMinutes > 50 && inMinutes < 67, `next check in ${inMinutes} min (60 ± 10 %)`);
    const captures = await db.watchCapture.count({ where: { itemId: story.id } });
    assert.equal(captures, 2);
  });

  test('the next check finds nothing new: no second download', async () => {
    const { db } = world.database;
    world.sim.addItem({ kind: 'video', username: 'seen_before', story: true });
    const { creator } = await watchCreator(db, world.userId, 'seen_before');
    assert.equal((await checkedNow(creator.id)).captured, 1);
    await db.creator.update({ where: { id: creator.id }, data: { nextCheckAt: new Date() } });
    const again = await checkedNow(creator.id);
    assert.equal(again.result, 'checked');
    assert.equal(again.captured, 0);
    assert.equal(again.requests, 1, 'the profile is not read again within a day');
  });

  test('an expired story is not captured', async () => {
    const { db } = world.database;
    world.sim.addItem({
      kind: 'video',
      username: 'old_story',
      story: true,
      createTime: new Date(Date.now() - 25 * HOUR),
    });
    const { creator } = await watchCreator(db, world.userId, 'old_story');
    const outcome = await checkedNow(creator.id);
    assert.equal(outcome.result, 'checked');
    assert.equal(outcome.captured, 0);
  });

  test('a private account is recorded as such, and no story list is asked for', async () => {
    const { db } = world.database;
    world.sim.addItem({ kind: 'video', username: 'keeps_private', visibility: 'private_account' });
    const { creator } = await watchCreator(db, world.userId, 'keeps_private');
    const outcome = await checkedNow(creator.id);
    assert.equal(outcome.result, 'problem');
    assert.equal(outcome.problem, 'private_account');
    assert.equal(outcome.requests, 1);
    const row = await db.creator.findUniqueOrThrow({ where: { id: creator.id } });
    assert.equal(row.problemCode, 'private_account');
    assert.equal(row.privateAccount, true);
    assert.equal(row.consecutiveFailures, 1);
    assert.equal(row.lastProfileAt, null, 'the profile is read again next time (it may turn public)');
  });

  test('a gone or banned handle reads "renamed or gone", and the wait doubles per failed check', async () => {
    const { db } = world.database;
    const { creator } = await watchCreator(db, world.userId, 'nobody_here_now');
    const first = await checkedNow(creator.id);
    assert.equal(first.problem, 'account_not_found');
    await db.creator.update({ where: { id: creator.id }, data: { nextCheckAt: new Date() } });
    const second = await checkedNow(creator.id);
    assert.equal(second.problem, 'account_not_found');
    const row = await db.creator.findUniqueOrThrow({ where: { id: creator.id } });
    assert.equal(row.problemCode, 'account_not_found');
    assert.equal(row.consecutiveFailures, 2);
    const inMinutes = (row.nextCheckAt.getTime() - Date.now()) / 60_000;
    assert.ok(inMinutes > 100 && inMinutes < 133, `next try in ${inMinutes} min (2 × 60 ± 10 %)`);
  });

  test("a handle that now belongs to another account is the old one renamed: the new owner's stories are never saved", async () => {
    const { db } = world.database;
    world.sim.addItem({ kind: 'video', username: 'taken_over', story: true });
    const { creator } = await watchCreator(db, world.userId, 'taken_over', {
      tiktokId: '6800000000000000001',
    });
    const outcome = await checkedNow(creator.id);
    assert.equal(outcome.problem, 'account_not_found');
    assert.equal(outcome.captured, 0);
    const row = await db.creator.findUniqueOrThrow({ where: { id: creator.id } });
    assert.equal(row.tiktokId, '6800000000000000001', 'the account id is kept');
  });

  test('posts only for watches that want them, and only those made after the watch began', async () => {
    const { db } = world.database;
    world.sim.addCreator({ handle: 'poster' });
    const before = world.sim.addPost('poster', { ageSeconds: 3600 });
    const after = world.sim.addPost('poster', { ageSeconds: 10, kind: 'photo' });
    const storiesOnly = await seedUser(db);
    const { creator, watch } = await watchCreator(db, world.userId, 'poster', {
      stories: false,
      posts: true,
      createdAt: new Date(Date.now() - 60_000),
    });
    await watchCreator(db, storiesOnly.id, 'poster');
    const outcome = await checkedNow(creator.id);
    assert.equal(outcome.result, 'checked');
    assert.equal(outcome.captured, 1);
    const rows = await db.download.findMany({ where: { watchId: { not: null }, author: 'poster' } });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.watchId, watch.id);
    assert.equal(rows[0]?.kind, 'photo');
    assert.equal(rows[0]?.storyDeadline, null);
    assert.ok(rows[0]?.canonicalUrl.endsWith(`/photo/${after.id}`));
    assert.ok(!rows.some((row) => row.canonicalUrl.includes(before.id)), 'the older post is not saved');
    const row = await db.creator.findUniqueOrThrow({ where: { id: creator.id } });
    assert.equal(row.postsSeenUntil?.toISOString(), after.createTime.replace(/\.\d{3}Z$/, '.000Z'));
    await world.waitForTerminal([rows[0]?.id ?? ''], 30_000);
  });

  test('a creator renamed on TikTok is followed to its new handle (its post list names it)', async () => {
    const { db } = world.database;
    world.sim.addCreator({ handle: 'before_rename' });
    world.sim.addPost('before_rename', { ageSeconds: 7200 });
    const { creator } = await watchCreator(db, world.userId, 'before_rename');
    assert.equal((await checkedNow(creator.id)).result, 'checked');

    world.sim.renameCreator('before_rename', 'after_rename');
    const story = world.sim.addStory('after_rename', { ageSeconds: 60 });
    // Within a day the story list by account id just goes on working; at the daily profile read:
    await db.creator.update({
      where: { id: creator.id },
      data: { nextCheckAt: new Date(), lastProfileAt: null },
    });
    const outcome = await checkedNow(creator.id);
    assert.equal(outcome.result, 'checked');
    assert.equal(outcome.captured, 1);
    const row = await db.creator.findUniqueOrThrow({ where: { id: creator.id } });
    assert.equal(row.handle, 'after_rename');
    assert.equal(row.handleKey, 'after_rename');
    assert.equal(row.problemCode, null);
    const download = await db.download.findFirstOrThrow({ where: { canonicalUrl: { contains: story.id } } });
    assert.equal(download.canonicalUrl, `https://www.tiktok.com/@after_rename/video/${story.id}`);
  });

  test('renamed to a handle nobody can find: "renamed or gone", yet its stories are still saved by its account id', async () => {
    const { db } = world.database;
    world.sim.addCreator({ handle: 'quietly_renamed' });
    const { creator } = await watchCreator(db, world.userId, 'quietly_renamed');
    assert.equal((await checkedNow(creator.id)).result, 'checked');
    world.sim.renameCreator('quietly_renamed', 'somewhere_else');
    world.sim.addStory('somewhere_else', { ageSeconds: 60 });
    await db.creator.update({
      where: { id: creator.id },
      data: { nextCheckAt: new Date(), lastProfileAt: null },
    });
    const outcome = await checkedNow(creator.id);
    assert.equal(outcome.result, 'problem');
    assert.equal(outcome.problem, 'account_not_found');
    assert.equal(outcome.captured, 1);
    const row = await db.creator.findUniqueOrThrow({ where: { id: creator.id } });
    assert.equal(row.problemCode, 'account_not_found');
    const inMinutes = (row.nextCheckAt.getTime() - Date.now()) / 60_000;
    assert.ok(inMinutes > 50 && inMinutes < 67, `checked as usual, in ${inMinutes} min`);
  });

  test('a banned account records "renamed or gone" and backs off', async () => {
    const { db } = world.database;
    world.sim.addCreator({ handle: 'soon_banned' });
    const { creator } = await watchCreator(db, world.userId, 'soon_banned');
    assert.equal((await checkedNow(creator.id)).result, 'checked');
    world.sim.setCreatorBanned('soon_banned', true);
    await db.creator.update({ where: { id: creator.id }, data: { nextCheckAt: new Date() } });
    const outcome = await checkedNow(creator.id);
    assert.equal(outcome.result, 'problem');
    assert.equal(outcome.problem, 'account_not_found');
    const row = await db.creator.findUniqueOrThrow({ where: { id: creator.id } });
    assert.equal(row.problemCode, 'account_not_found');
    assert.equal(row.consecutiveFailures, 1);
    assert.equal(row.lastProfileAt, null);
  });

  test('TikTok refusing (429) is recorded with the time it will be tried again, and the budget hears of it', async () => {
    const { db } = world.database;
    const made = world.sim.addCreator({ handle: 'refused_here' });
    const { creator } = await watchCreator(db, world.userId, 'refused_here');
    world.sim.setFault(made.tiktokId, { kind: 'status_429', on: 'api', retryAfterSeconds: 1 });
    try {
      const outcome = await checkedNow(creator.id);
      assert.equal(outcome.result, 'problem');
      assert.equal(outcome.problem, 'rate_limited');
    } finally {
      world.sim.clearFaults();
    }
    const row = await db.creator.findUniqueOrThrow({ where: { id: creator.id } });
    assert.equal(row.problemCode, 'rate_limited');
    assert.ok(row.tiktokId !== null, 'what the profile said is kept');
    const budget = await db.upstreamBudget.findUnique({ where: { id: 1 } });
    assert.equal(budget?.lastPushbackReason, 'rate_limited');
  });

  test('a creator nobody watches any more is not checked', async () => {
    const { db } = world.database;
    world.sim.addItem({ kind: 'video', username: 'all_paused', story: true });
    const { creator } = await watchCreator(db, world.userId, 'all_paused', { paused: true });
    const tick = await runWatchTick({ db, boss: world.producer, now: () => new Date() });
    assert.ok(tick.due >= 0);
    const job = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'creator.check' AND singleton_key = ${creator.id}`;
    assert.equal(job[0]?.n, 0);
  });
});
