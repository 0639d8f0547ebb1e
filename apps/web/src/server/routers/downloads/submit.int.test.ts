import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { JOBS } from '@tiksavr/core';
import { ensureQueues } from '@tiksavr/db';
import { createTestDatabase, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../../testing/callers.ts';

const VIDEO = (id: string) => `https://www.tiktok.com/@creator/video/${id}`;

describe('downloads.submit', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;

  before(async () => {
    database = await createTestDatabase('submit');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  test('10 links with bad ones among them: each its own outcome, every accepted one a row and a job', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const text = [
      `Look: ${VIDEO('7524919459643919624')}`,
      'https://www.tiktok.com/@creator', // profile
      'https://vm.tiktok.com/ZMabc123/',
      'https://www.tiktok.com/@someone/photo/7520000000000000001?is_from_webapp=1',
      'https://tiktok.com.evil.io/@x/video/7524919459643919625', // look-alike
      VIDEO('7524919459643919626'),
      'https://www.tiktok.com/tag/cats', // tag
      'https://www.tiktok.com/t/ZTabcdef/',
      'https://www.tiktok.com/@creator/live', // live
      VIDEO('7524919459643919627'),
    ].join('\n');

    const { results } = await callers.callerFor(user).downloads.submit({ text });
    assert.equal(results.length, 10);
    assert.deepEqual(
      results.map((r) => r.ok),
      [true, false, true, true, false, true, false, true, false, true],
    );
    for (const bad of results.filter((r) => !r.ok)) {
      assert.ok(bad.reason, bad.input);
      assert.ok(bad.message && bad.message.length > 10, bad.input);
      assert.equal(bad.downloadId, undefined);
    }
    assert.deepEqual(
      results.filter((r) => !r.ok).map((r) => r.reason),
      ['profile', 'lookalike_host', 'tag', 'live'],
    );

    const boss = await callers.boss();
    for (const good of results.filter((r) => r.ok)) {
      const row = await database.db.download.findUnique({ where: { id: good.downloadId ?? '' } });
      assert.ok(row, `row for ${good.input}`);
      assert.equal(row.userId, user.id);
      assert.equal(row.state, 'queued');
      assert.ok(row.jobId);
      assert.ok(row.searchText.includes('tiktok.com'));
      // A short link is identified first (kind, author, story deadline), a post link downloaded at once.
      const queue = /vm\.tiktok\.com|\/t\//.test(good.input) ? 'media.identify' : 'media.download';
      const job = await boss.getJobById<{ downloadId: string }>(queue, row.jobId);
      assert.ok(job, `${queue} job for ${good.input}`);
      assert.equal(job.data.downloadId, row.id);
      assert.equal(job.state, 'created');
    }
    assert.equal(await database.db.download.count({ where: { userId: user.id } }), 6);
    const photo = await database.db.download.findUnique({ where: { id: results[3]?.downloadId ?? '' } });
    assert.equal(photo?.kind, 'photo');
    assert.equal(photo?.canonicalUrl, 'https://www.tiktok.com/@someone/photo/7520000000000000001');
  });

  test('a failing job insert rolls the rows back: never a row without a job', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const boss = await callers.boss();
    await boss.deleteQueue('media.download');
    try {
      await assert.rejects(callers.callerFor(user).downloads.submit({ text: VIDEO('7524919459643919630') }));
      assert.equal(await database.db.download.count({ where: { userId: user.id } }), 0);
    } finally {
      await ensureQueues(boss, JOBS);
    }
  });

  test('more than 50 links is refused as a whole with too_many_links', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const text = Array.from({ length: 51 }, (_, i) => VIDEO(String(7524919459643919700n + BigInt(i)))).join(
      ' ',
    );
    await assert.rejects(
      callers.callerFor(user).downloads.submit({ text }),
      (e: unknown) =>
        e instanceof TRPCError &&
        e.code === 'BAD_REQUEST' &&
        (e.cause as { code?: string }).code === 'too_many_links',
    );
    assert.equal(await database.db.download.count({ where: { userId: user.id } }), 0);
  });

  test('50 links in one request are saved quickly (two statements, one transaction)', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const text = Array.from({ length: 50 }, (_, i) => VIDEO(String(7524919459643919800n + BigInt(i)))).join(
      '\n',
    );
    const caller = callers.callerFor(user);
    await caller.downloads.submit({ text: VIDEO('7524919459643919799') }); // warm the pools
    const started = performance.now();
    const { results } = await caller.downloads.submit({ text });
    const elapsed = performance.now() - started;
    assert.equal(results.filter((r) => r.ok).length, 50);
    assert.equal(await database.db.download.count({ where: { userId: user.id } }), 51);
    // The target is 300 ms end to end; a shared 2-core machine gets generous slack here (the bench measures it).
    assert.ok(elapsed < 1500, `50 links took ${elapsed.toFixed(0)} ms`);
  });

  test('precheck says what each link is, with the creation time read from the id', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    const { links } = await callers
      .callerFor(user)
      .downloads.precheck({ text: `${VIDEO('7524919459643919624')} and https://youtube.com/watch?v=x` });
    // The YouTube link is listed with its reason, not dropped.
    assert.equal(links.length, 2);
    assert.equal(links[1]?.reason, 'not_tiktok');
    assert.equal(links[0]?.ok, true);
    assert.equal(links[0]?.kind, 'video');
    assert.equal(links[0]?.id, '7524919459643919624');
    assert.match(links[0]?.createdAt ?? '', /^2025-/);
    const { links: none } = await callers
      .callerFor(user)
      .downloads.precheck({ text: 'https://youtube.com/watch?v=x' });
    assert.equal(none[0]?.ok, false);
    assert.equal(none[0]?.reason, 'not_tiktok');
  });
});
