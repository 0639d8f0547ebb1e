import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { JOBS } from '@tiksavr/core';
import { ensureQueues } from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { callerFactory, sessionUserOf } from '../testing/callers.ts';
import type { SessionUser } from '../trpc.ts';

describe('admin jobs: list, search and bulk actions', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  let admin: SessionUser;
  let alice: { id: string; email: string };
  let bob: { id: string; email: string };
  const caller = () => callers.callerFor(admin);

  before(async () => {
    database = await createTestDatabase('admin_jobs');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
    admin = sessionUserOf(await seedUser(database.db, { role: 'admin' }));
    alice = await seedUser(database.db, { email: `alice-${randomUUID()}@example.test` });
    bob = await seedUser(database.db, { email: `bob-${randomUUID()}@example.test` });
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  test('pages walk every matching row once, newest first, across states', async () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    const states = ['queued', 'done', 'failed', 'canceled'] as const;
    const seeded: string[] = [];
    for (let index = 0; index < 23; index++) {
      const row = await seedDownload(database.db, bob.id, {
        state: states[index % states.length],
        // Pairs share a timestamp, so the id tie-break is exercised.
        createdAt: new Date(base + Math.floor(index / 2) * 1000),
      });
      seeded.push(row.id);
    }
    const seen: { id: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: Awaited<ReturnType<ReturnType<typeof caller>['admin']['jobs']['list']>> =
        await caller().admin.jobs.list({
          filter: { search: { by: 'email', text: bob.email.slice(0, 8) } },
          cursor,
          limit: 5,
        });
      seen.push(...result.jobs);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    assert.equal(seen.length, 23);
    assert.deepEqual(new Set(seen.map((row) => row.id)), new Set(seeded));
    for (let index = 1; index < seen.length; index++) {
      assert.ok((seen[index - 1]?.createdAt ?? '') >= (seen[index]?.createdAt ?? ''), 'newest first');
    }
    // The same walk without the selective search (per-state merge) sees the same order.
    const all = await caller().admin.jobs.list({
      filter: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
      limit: 50,
    });
    assert.deepEqual(
      all.jobs.map((row) => row.id),
      seen.map((row) => row.id),
    );
  });

  test('filters and searches: state, kind, failure code, item, url, error text, id', async () => {
    const itemId = '7524919459643919001';
    const failed = await seedDownload(database.db, alice.id, {
      state: 'failed',
      failureCode: 'rate_limited',
      failureMessage: 'TikTok is limiting requests',
      itemId: null,
      kind: 'video',
      canonicalUrl: `https://www.tiktok.com/@someone/video/${itemId}`,
    });
    const story = await seedDownload(database.db, alice.id, { state: 'queued', kind: 'story' });
    const list = (filter: Parameters<ReturnType<typeof caller>['admin']['jobs']['list']>[0]['filter']) =>
      caller()
        .admin.jobs.list({ filter, limit: 200 })
        .then((page) => page.jobs.map((row) => row.id));

    assert.deepEqual(await list({ failureCode: 'rate_limited' }), [failed.id]);
    assert.deepEqual(await list({ kind: 'story' }), [story.id]);
    assert.deepEqual(await list({ states: ['queued'], search: { by: 'email', text: alice.email } }), [
      story.id,
    ]);
    assert.deepEqual(await list({ search: { by: 'url', text: `@someone/video/${itemId}` } }), [failed.id]);
    assert.deepEqual(await list({ search: { by: 'error', text: 'limiting' } }), [failed.id]);
    assert.deepEqual(await list({ search: { by: 'id', text: failed.id } }), [failed.id]);
    assert.deepEqual(await list({ search: { by: 'email', text: 'nobody-has-this' } }), []);
    const withItem = await seedDownload(database.db, alice.id, { state: 'done', itemId: null });
    await database.db.item.create({ data: { id: itemId, kind: 'video', author: 'someone' } });
    await database.db.download.update({ where: { id: withItem.id }, data: { itemId } });
    assert.deepEqual(await list({ search: { by: 'item', text: itemId } }), [withItem.id]);
  });

  test('bulk retry by filter requeues exactly the matching retryable rows, each with a new job', async () => {
    const carol = await seedUser(database.db, { email: `carol-${randomUUID()}@example.test` });
    const failedNetwork = await Promise.all(
      Array.from({ length: 7 }, () =>
        seedDownload(database.db, carol.id, {
          state: 'failed',
          failureCode: 'network',
          attempts: 5,
          finishedAt: new Date(),
        }),
      ),
    );
    const failedOther = await seedDownload(database.db, carol.id, {
      state: 'failed',
      failureCode: 'deleted',
    });
    const done = await seedDownload(database.db, carol.id, { state: 'done', failureCode: null });

    const result = await caller().admin.jobs.retry({
      filter: { failureCode: 'network', search: { by: 'email', text: carol.email } },
    });
    assert.deepEqual(result, { matched: 7, changed: 7, more: false });

    const rows = await database.db.download.findMany({
      where: { id: { in: failedNetwork.map((r) => r.id) } },
    });
    const boss = await callers.boss();
    for (const row of rows) {
      assert.equal(row.state, 'queued');
      assert.equal(row.attempts, 0);
      assert.equal(row.failureCode, null);
      assert.ok(row.jobId);
      const [job] = await boss.findJobs('media.download', { id: row.jobId });
      assert.deepEqual(job?.data, { downloadId: row.id });
      assert.equal(job?.state, 'created');
    }
    assert.equal((await database.db.download.findUnique({ where: { id: failedOther.id } }))?.state, 'failed');
    assert.equal((await database.db.download.findUnique({ where: { id: done.id } }))?.state, 'done');

    // Nothing left to retry: a second call changes nothing.
    assert.deepEqual(
      await caller().admin.jobs.retry({
        filter: { failureCode: 'network', search: { by: 'email', text: carol.email } },
      }),
      { matched: 0, changed: 0, more: false },
    );
  });

  test('an admin may retry what a user may not: a private post, a deleted one, an expired story', async () => {
    const erin = await seedUser(database.db, { email: `erin-${randomUUID()}@example.test` });
    const rows = [
      await seedDownload(database.db, erin.id, { state: 'failed', failureCode: 'private_post' }),
      await seedDownload(database.db, erin.id, { state: 'failed', failureCode: 'deleted' }),
      await seedDownload(database.db, erin.id, {
        state: 'expired',
        failureCode: 'story_expired',
        kind: 'story',
        storyDeadline: new Date(Date.now() - 60_000),
      }),
    ];
    const ids = rows.map((row) => row.id);
    assert.deepEqual(await caller().admin.jobs.retry({ ids }), { matched: 3, changed: 3, more: false });
    const after = await database.db.download.findMany({ where: { id: { in: ids } } });
    assert.deepEqual(
      after.map((row) => [row.state, row.failureCode, row.jobId !== null]),
      [
        ['queued', null, true],
        ['queued', null, true],
        ['queued', null, true],
      ],
    );
  });

  test('bulk cancel by filter cancels the active rows and their pg-boss jobs, and leaves the rest', async () => {
    const dave = await seedUser(database.db, { email: `dave-${randomUUID()}@example.test` });
    // Real queued jobs, through the app's own submit.
    const submitted = await callers.callerFor(sessionUserOf(dave)).downloads.submit({
      text: 'https://www.tiktok.com/@a/video/7524919459643919111 https://www.tiktok.com/@a/video/7524919459643919112',
    });
    assert.equal(submitted.results.filter((r) => r.ok).length, 2);
    const running = await seedDownload(database.db, dave.id, { state: 'downloading' });
    const finished = await seedDownload(database.db, dave.id, { state: 'done' });

    const result = await caller().admin.jobs.cancel({
      filter: { search: { by: 'email', text: dave.email } },
    });
    assert.deepEqual(result, { matched: 3, changed: 3, more: false });
    const rows = await database.db.download.findMany({ where: { userId: dave.id } });
    assert.equal(rows.filter((row) => row.state === 'canceled').length, 3);
    assert.equal(rows.find((row) => row.id === finished.id)?.state, 'done');
    assert.equal(rows.find((row) => row.id === running.id)?.state, 'canceled');
    const boss = await callers.boss();
    for (const row of rows.filter((r) => r.jobId && r.id !== running.id && r.id !== finished.id)) {
      const [job] = await boss.findJobs('media.download', { id: row.jobId ?? '' });
      assert.equal(job?.state, 'cancelled');
    }
  });

  test('retry, cancel and delete by ids report what changed; detail shows the job and payload', async () => {
    const failed = await seedDownload(database.db, alice.id, {
      state: 'failed',
      failureCode: 'network',
      failureMessage: 'offline',
    });
    const done = await seedDownload(database.db, alice.id, { state: 'done' });
    assert.deepEqual(await caller().admin.jobs.retry({ ids: [failed.id, done.id] }), {
      matched: 2,
      changed: 1,
      more: false,
    });
    const detail = await caller().admin.jobs.get({ id: failed.id });
    assert.equal(detail.download.state, 'queued');
    assert.equal(detail.download.userEmail, alice.email);
    assert.deepEqual(detail.bossJobs[0]?.data, { downloadId: failed.id });
    assert.ok(detail.timeline.some((entry) => entry.event === 'Submitted'));

    assert.deepEqual(await caller().admin.jobs.cancel({ ids: [failed.id, done.id] }), {
      matched: 2,
      changed: 1,
      more: false,
    });
    assert.deepEqual(await caller().admin.jobs.delete({ ids: [failed.id, done.id] }), {
      matched: 2,
      changed: 2,
      more: false,
    });
    assert.equal(await database.db.download.count({ where: { id: { in: [failed.id, done.id] } } }), 0);
    await assert.rejects(caller().admin.jobs.get({ id: failed.id }), { code: 'NOT_FOUND' });
  });
});
