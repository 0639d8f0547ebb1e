import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../testing/callers.ts';
import { loadUpstreamStatus, slowdownNow } from './upstream-status.ts';
import { loadWatchBehind } from './watch-behind.ts';

const MINUTE = 60_000;

describe('admin upstream status', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  const now = new Date();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);

  before(async () => {
    database = await createTestDatabase('admin_upstream');
    callers = callerFactory(database.db, database.url);
    const db = database.db;
    await db.upstreamBudget.create({
      data: {
        id: 1,
        slowdown: 4,
        lastPushbackAt: ago(11),
        lastPushbackReason: 'rate_limited',
        pausedUntil: new Date(now.getTime() + 2 * MINUTE),
      },
    });
    const waiter = (purpose: string, heartbeatAt: Date) =>
      db.upstreamBudgetWaiter.create({
        data: { id: randomUUID(), priority: 1n, holder: 'w1', purpose, heartbeatAt, createdAt: ago(1) },
      });
    await waiter('story', now);
    await waiter('story', now);
    await waiter('watch_check', now);
    await waiter('download', ago(5)); // its process stopped: not waiting any more
    const thisMinute = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
    await db.upstreamMinute.createMany({
      data: [
        { minute: thisMinute, granted: 7, pushbacks: 1 },
        { minute: new Date(thisMinute.getTime() - 30 * MINUTE), granted: 5, pushbacks: 0 },
        { minute: new Date(thisMinute.getTime() - 90 * MINUTE), granted: 100, pushbacks: 0 },
      ],
    });
    const user = await seedUser(db);
    const other = await seedUser(db);
    const creator = (handle: string, nextCheckAt: Date) =>
      db.creator.create({ data: { handle, handleKey: handle, nextCheckAt } });
    const late = await creator('late', ago(12));
    const onTime = await creator('ontime', new Date(now.getTime() + 30 * MINUTE));
    const pausedOnly = await creator('pausedonly', ago(600));
    await db.watch.create({ data: { userId: user.id, creatorId: late.id } });
    await db.watch.create({ data: { userId: other.id, creatorId: late.id } });
    await db.watch.create({ data: { userId: user.id, creatorId: onTime.id } });
    await db.watch.create({ data: { userId: user.id, creatorId: pausedOnly.id, pausedAt: ago(700) } });
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  test('the slowdown halves per ten quiet minutes, never below 1', () => {
    assert.equal(slowdownNow(4, ago(11), now), 2);
    assert.equal(slowdownNow(4, ago(25), now), 1);
    assert.equal(slowdownNow(8, ago(1), now), 8);
    assert.equal(slowdownNow(4, null, now), 1);
  });

  test('the budget: rate, slowdown, pause, last pushback, live waiters and the last hour', async () => {
    const { budget, config } = await loadUpstreamStatus(database.db, now);
    assert.equal(config.requestsPerMinute.value, 20);
    assert.equal(budget.requestsPerMinute, 20);
    assert.equal(budget.slowdown, 2);
    assert.equal(budget.effectiveRequestsPerMinute, 0, 'paused: nothing goes out');
    assert.ok(budget.pausedUntil);
    assert.equal(budget.lastPushback?.reason, 'rate_limited');
    assert.match(budget.lastPushback?.words ?? '', /429/);
    assert.deepEqual(
      budget.waiting.map((w) => [w.purpose, w.count]),
      [
        ['story', 2],
        ['watch_check', 1],
      ],
    );
    assert.equal(budget.lastHour.length, 60);
    assert.equal(budget.lastHour.at(-1)?.granted, 7);
    assert.equal(budget.grantedLastHour, 12);
  });

  test('watch checks 12 minutes late are reported as falling behind; paused watches do not count', async () => {
    const behind = await loadWatchBehind(database.db, now);
    assert.deepEqual(
      { behind: behind.behind, minutes: behind.behindByMinutes, overdue: behind.overdueCreators },
      { behind: true, minutes: 12, overdue: 1 },
    );
    const { watches } = await loadUpstreamStatus(database.db, now);
    assert.deepEqual(
      { active: watches.active, paused: watches.paused, creators: watches.creators },
      { active: 3, paused: 1, creators: 2 },
    );
  });

  test('only an admin reads and sets the numbers; null goes back to the default', async () => {
    const admin = callers.callerFor(sessionUserOf(await seedUser(database.db, { role: 'admin' })));
    const user = callers.callerFor(sessionUserOf(await seedUser(database.db)));
    for (const call of [
      () => user.admin.upstream.get(),
      () => user.admin.upstream.behind(),
      () => user.admin.upstream.setSettings({ requestsPerMinute: 5 }),
    ]) {
      await assert.rejects(call, (error) => error instanceof TRPCError && error.code === 'FORBIDDEN');
    }
    const set = await admin.admin.upstream.setSettings({
      requestsPerMinute: 7.5,
      defaultIntervalSeconds: 1800,
      minIntervalSeconds: 600,
    });
    assert.deepEqual(
      [set.requestsPerMinute, set.defaultIntervalSeconds, set.minIntervalSeconds].map((n) => [
        n.value,
        n.source,
      ]),
      [
        [7.5, 'setting'],
        [1800, 'setting'],
        [600, 'setting'],
      ],
    );
    const row = await database.db.setting.findUniqueOrThrow({ where: { key: 'upstream.requestsPerMinute' } });
    assert.equal(row.value, 7.5);
    const back = await admin.admin.upstream.setSettings({ requestsPerMinute: null });
    assert.deepEqual([back.requestsPerMinute.value, back.requestsPerMinute.source], [20, 'default']);
    assert.equal(back.defaultIntervalSeconds.value, 1800, 'a field left out stays');
    await assert.rejects(
      () => admin.admin.upstream.setSettings({ minIntervalSeconds: 0.5 }),
      (error) => error instanceof TRPCError && error.code === 'BAD_REQUEST',
    );
    const status = await admin.admin.upstream.get();
    assert.equal(typeof status.now, 'string');
    assert.equal(status.watches.behind, true);
  });
});
