import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { JOBS } from '@tiksavr/core';
import { ensureQueues } from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { callerFactory, sessionUserOf } from '../testing/callers.ts';
import { loadOverview, OVERVIEW_WINDOW_MS } from './overview.ts';

const MINUTE = 60_000;

describe('admin overview', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);

  before(async () => {
    database = await createTestDatabase('admin_overview');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
    const user = await seedUser(database.db);
    const db = database.db;
    const seed = (data: Parameters<typeof seedDownload>[2]) => seedDownload(db, user.id, data);
    // Work in progress, however old.
    await seed({ state: 'queued', createdAt: ago(3 * OVERVIEW_WINDOW_MS) });
    await seed({ state: 'queued' });
    await seed({ state: 'downloading', startedAt: ago(MINUTE) });
    // Finished inside the window: wait 10/20/30/40 s, run 1/2/3/4 s.
    for (const [index, minutesAgo] of [2, 2, 30, 90].entries()) {
      const finishedAt = ago(minutesAgo * MINUTE);
      const startedAt = new Date(finishedAt.getTime() - (index + 1) * 1000);
      await seed({
        state: index === 3 ? 'failed' : 'done',
        finishedAt,
        startedAt,
        createdAt: new Date(startedAt.getTime() - (index + 1) * 10_000),
      });
    }
    await seed({
      state: 'expired',
      kind: 'story',
      storyDeadline: ago(10 * MINUTE),
      finishedAt: ago(10 * MINUTE),
    });
    await seed({ state: 'canceled', finishedAt: ago(5 * MINUTE) });
    // Stories: one in time, one saved after its deadline (an earlier run), one in progress.
    await seed({
      state: 'done',
      kind: 'story',
      storyDeadline: ago(-MINUTE),
      startedAt: ago(MINUTE + 1000),
      finishedAt: ago(MINUTE),
    });
    await seed({
      state: 'done',
      kind: 'story',
      storyDeadline: ago(3 * MINUTE),
      startedAt: ago(MINUTE + 1000),
      finishedAt: ago(MINUTE),
    });
    // Finished before the window: not counted.
    await seed({
      state: 'done',
      finishedAt: ago(OVERVIEW_WINDOW_MS + MINUTE),
      startedAt: ago(OVERVIEW_WINDOW_MS + 2 * MINUTE),
    });
    await seed({ state: 'failed', finishedAt: ago(2 * OVERVIEW_WINDOW_MS) });
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  test('counts per state equal counts taken from the database', async () => {
    const overview = await loadOverview({ db: database.db, boss: callers.boss }, now);
    const since = ago(OVERVIEW_WINDOW_MS);
    for (const state of ['queued', 'resolving', 'downloading'] as const) {
      assert.equal(
        overview.states.active[state],
        await database.db.download.count({ where: { state } }),
        state,
      );
    }
    for (const state of ['done', 'failed', 'expired', 'canceled'] as const) {
      const expected = await database.db.download.count({ where: { state, finishedAt: { gte: since } } });
      assert.equal(overview.states.finished[state], expected, state);
    }
    assert.deepEqual(overview.states.active, { queued: 2, resolving: 0, downloading: 1 });
    assert.deepEqual(overview.states.finished, { done: 5, failed: 1, expired: 1, canceled: 1 });
  });

  test('throughput buckets add up to the finished rows of the last hour and day', async () => {
    const { throughput } = await loadOverview({ db: database.db, boss: callers.boss }, now);
    assert.equal(throughput.perMinute.length, 60);
    assert.equal(throughput.perHour.length, 24);
    const sum = (points: typeof throughput.perMinute, key: 'done' | 'failed' | 'expired') =>
      points.reduce((total, point) => total + point[key], 0);
    const lastMinute = throughput.perMinute.at(-1)?.at.getTime() ?? 0;
    const minuteSince = new Date(lastMinute - 59 * MINUTE);
    const hourSince = throughput.perHour[0]?.at ?? now;
    for (const state of ['done', 'failed', 'expired'] as const) {
      assert.equal(
        sum(throughput.perMinute, state),
        await database.db.download.count({ where: { state, finishedAt: { gte: minuteSince } } }),
        `per minute ${state}`,
      );
      assert.equal(
        sum(throughput.perHour, state),
        await database.db.download.count({ where: { state, finishedAt: { gte: hourSince } } }),
        `per hour ${state}`,
      );
    }
    const twoMinutesAgo = throughput.perMinute.find(
      (point) =>
        point.at.getTime() <= ago(2 * MINUTE).getTime() &&
        ago(2 * MINUTE).getTime() < point.at.getTime() + MINUTE,
    );
    assert.equal(twoMinutesAgo?.done, 2);
  });

  test('wait and run percentiles are those of the finished rows', async () => {
    const { timings } = await loadOverview({ db: database.db, boss: callers.boss }, now);
    // The reference: the same rows read through Prisma, percentiles computed here.
    const rows = await database.db.download.findMany({
      where: {
        state: { in: ['done', 'failed'] },
        finishedAt: { gte: ago(OVERVIEW_WINDOW_MS) },
        startedAt: { not: null },
      },
    });
    const runs = rows
      .map((r) => ((r.finishedAt?.getTime() ?? 0) - (r.startedAt?.getTime() ?? 0)) / 1000)
      .sort((a, b) => a - b);
    assert.equal(timings.sample, rows.length);
    assert.ok(Math.abs((timings.runSeconds.p50 ?? -1) - interpolated(runs, 0.5)) < 0.001);
    assert.ok(Math.abs((timings.runSeconds.p95 ?? -1) - interpolated(runs, 0.95)) < 0.001);
    const waits = rows
      .map((r) => ((r.startedAt?.getTime() ?? 0) - r.createdAt.getTime()) / 1000)
      .sort((a, b) => a - b);
    assert.ok(Math.abs((timings.waitSeconds.p95 ?? -1) - interpolated(waits, 0.95)) < 0.001);
  });

  test('the story share counts stories saved before their deadline among stories that ended', async () => {
    const { stories } = await loadOverview({ db: database.db, boss: callers.boss }, now);
    assert.deepEqual(stories, { captured: 1, ended: 3, share: 1 / 3 });
  });

  test('the admin procedure serves the same numbers, dates as strings', async () => {
    const admin = sessionUserOf(await seedUser(database.db, { role: 'admin' }));
    const overview = await callers.callerFor(admin).admin.overview.get();
    assert.equal(overview.states.finished.done, 5);
    assert.equal(typeof overview.now, 'string');
    assert.ok(overview.queues.some((queue) => queue.name === 'media.download'));
    // A small history is counted exactly.
    assert.equal(overview.historyEstimate, await database.db.download.count());
  });
});

/** percentile_cont: linear interpolation between the closest ranks. */
function interpolated(sorted: number[], fraction: number): number {
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? Number.NaN;
  const b = sorted[upper] ?? Number.NaN;
  return a + (b - a) * (position - lower);
}
