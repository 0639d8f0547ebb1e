import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { JOBS } from '@tiksavr/core';
import { createBoss, ensureQueues, type PgBoss, watchLag } from '@tiksavr/db';
import { createTestDatabase, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { watchCreator } from '../../test-support/watch-fixture.ts';
import { claimCreator, MIN_REQUESTED_GAP_SECONDS } from './claim-creator.ts';
import { runWatchTick } from './watch-tick.ts';

let database: TestDatabase;
let boss: PgBoss;
let userId: string;
const MINUTE = 60_000;

before(async () => {
  database = await createTestDatabase('watchtick');
  // A producer, as the web app is: it creates the queues but runs no worker, so jobs stay put.
  boss = createBoss({ url: database.url, role: 'producer', onError: () => {} });
  await boss.start();
  await ensureQueues(boss, JOBS);
  userId = (await seedUser(database.db)).id;
});
after(async () => {
  await boss?.stop({ graceful: false, close: true });
  await database?.drop();
});
beforeEach(async () => {
  await database.db.creator.deleteMany();
  await database.db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'creator.check'`;
});

type QueuedCheck = { key: string; startAfter: Date; reason: string };

async function queuedChecks(): Promise<QueuedCheck[]> {
  return database.db.$queryRaw<QueuedCheck[]>`
    SELECT singleton_key AS key, start_after AS "startAfter", data->>'reason' AS reason
    FROM pgboss.job WHERE name = 'creator.check' AND state = 'created' ORDER BY start_after`;
}

describe('the watch tick', () => {
  test('enqueues the watched creators due within 90 s, each at its due time, and no others', async () => {
    const { db } = database;
    const now = new Date();
    const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
    const overdue = await watchCreator(db, userId, 'overdue', { nextCheckAt: at(-10) });
    const soon = await watchCreator(db, userId, 'due_soon', { nextCheckAt: at(1) });
    await watchCreator(db, userId, 'due_later', { nextCheckAt: at(3) });
    await watchCreator(db, userId, 'paused_only', { nextCheckAt: at(-10), paused: true });
    await watchCreator(db, userId, 'wants_nothing', { nextCheckAt: at(-10), stories: false, posts: false });
    const running = await watchCreator(db, userId, 'being_checked', { nextCheckAt: at(-10) });
    await db.creator.update({ where: { id: running.creator.id }, data: { checkingSince: at(-0.5) } });
    const abandoned = await watchCreator(db, userId, 'claim_gone_stale', { nextCheckAt: at(-10) });
    await db.creator.update({ where: { id: abandoned.creator.id }, data: { checkingSince: at(-5) } });
    await db.creator.create({ data: { handle: 'unwatched', handleKey: 'unwatched', nextCheckAt: at(-10) } });

    const result = await runWatchTick({ db, boss, now: () => now });
    assert.deepEqual(result, { due: 3, enqueued: 3 });
    const queued = await queuedChecks();
    assert.deepEqual(
      new Set(queued.map((job) => job.key)),
      new Set([overdue.creator.id, soon.creator.id, abandoned.creator.id]),
    );
    assert.ok(queued.every((job) => job.reason === 'scheduled'));
    const soonJob = queued.find((job) => job.key === soon.creator.id);
    const early = (soonJob?.startAfter.getTime() ?? 0) - at(1).getTime();
    assert.ok(Math.abs(early) < 1000, `starts at its due time, not before (${early} ms off)`);
    const overdueJob = queued.find((job) => job.key === overdue.creator.id);
    assert.ok((overdueJob?.startAfter.getTime() ?? 0) <= Date.now(), 'an overdue check starts at once');
  });

  test('a second tick (or a second worker) adds no second job for a creator that has one waiting', async () => {
    const { db } = database;
    await watchCreator(db, userId, 'once_only', { nextCheckAt: new Date(Date.now() - MINUTE) });
    assert.equal((await runWatchTick({ db, boss, now: () => new Date() })).enqueued, 1);
    const again = await Promise.all([
      runWatchTick({ db, boss, now: () => new Date() }),
      runWatchTick({ db, boss, now: () => new Date() }),
    ]);
    assert.deepEqual(
      again.map((r) => r.enqueued),
      [0, 0],
    );
    assert.equal((await queuedChecks()).length, 1);
  });
});

describe('claiming a creator', () => {
  test('two checks at once (any process): one runs, the other is told it is being checked', async () => {
    const { db } = database;
    const { creator } = await watchCreator(db, userId, 'raced', {
      nextCheckAt: new Date(Date.now() - MINUTE),
    });
    const now = new Date();
    const claims = await Promise.all([
      claimCreator(db, creator.id, 'scheduled', now),
      claimCreator(db, creator.id, 'scheduled', new Date(now.getTime() + 1)),
      claimCreator(db, creator.id, 'manual', new Date(now.getTime() + 2)),
    ]);
    assert.equal(claims.filter((c) => c.kind === 'run').length, 1);
    assert.deepEqual(
      claims.filter((c) => c.kind === 'skip').map((c) => c.kind === 'skip' && c.reason),
      ['being_checked', 'being_checked'],
    );
  });

  test('a scheduled job for a creator already checked (not due any more) is skipped', async () => {
    const { db } = database;
    const { creator } = await watchCreator(db, userId, 'checked_already', {
      nextCheckAt: new Date(Date.now() + 30 * MINUTE),
    });
    const claim = await claimCreator(db, creator.id, 'scheduled', new Date());
    assert.equal(claim.kind === 'skip' && claim.reason, 'not_due');
  });

  test('"check now" within a minute of the last check is refused and moves the next check to the earliest allowed time', async () => {
    const { db } = database;
    const now = new Date();
    const lastCheckedAt = new Date(now.getTime() - 10_000);
    const { creator } = await watchCreator(db, userId, 'asked_twice', {
      nextCheckAt: new Date(now.getTime() + 60 * MINUTE),
    });
    await db.creator.update({ where: { id: creator.id }, data: { lastCheckedAt } });
    const refused = await claimCreator(db, creator.id, 'manual', now);
    const earliest = lastCheckedAt.getTime() + MIN_REQUESTED_GAP_SECONDS * 1000;
    assert.equal(refused.kind === 'skip' && refused.reason, 'too_soon');
    assert.equal(refused.kind === 'skip' && refused.checkAt?.getTime(), earliest);
    const row = await db.creator.findUniqueOrThrow({ where: { id: creator.id } });
    assert.equal(row.nextCheckAt.getTime(), earliest);
    assert.equal(row.checkingSince, null);

    const later = new Date(earliest + 1000);
    assert.equal((await claimCreator(db, creator.id, 'manual', later)).kind, 'run');
  });
});

describe('watchLag', () => {
  test('says how far behind the oldest overdue check is, counting only watched creators not being checked', async () => {
    const { db } = database;
    const now = new Date();
    await watchCreator(db, userId, 'behind_10', { nextCheckAt: new Date(now.getTime() - 10 * MINUTE) });
    await watchCreator(db, userId, 'behind_3', { nextCheckAt: new Date(now.getTime() - 3 * MINUTE) });
    await watchCreator(db, userId, 'on_time', { nextCheckAt: new Date(now.getTime() - 20_000) });
    await watchCreator(db, userId, 'paused_behind', {
      nextCheckAt: new Date(now.getTime() - 60 * MINUTE),
      paused: true,
    });
    const running = await watchCreator(db, userId, 'running_behind', {
      nextCheckAt: new Date(now.getTime() - 30 * MINUTE),
    });
    await db.creator.update({ where: { id: running.creator.id }, data: { checkingSince: now } });

    const lag = await watchLag(db, { now });
    assert.equal(lag.overdueCreators, 2);
    assert.equal(lag.behindBySeconds, 600);
    assert.equal(lag.oldestDueAt?.getTime(), now.getTime() - 10 * MINUTE);

    await db.creator.deleteMany();
    assert.deepEqual(await watchLag(db, { now }), {
      overdueCreators: 0,
      behindBySeconds: 0,
      oldestDueAt: null,
    });
  });
});
