import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { callerFactory, sessionUserOf } from '../../testing/callers.ts';
import type { SessionUser } from '../../trpc.ts';

const BASE = Date.parse('2026-11-01T00:00:00.000Z');
const HOUR = 60 * 60 * 1000;

describe('downloads.list', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  let a: SessionUser;
  /** A's download ids, newest first, as the history must show them. */
  let expectedOrder: string[] = [];

  before(async () => {
    database = await createTestDatabase('history');
    callers = callerFactory(database.db, database.url);
    a = sessionUserOf(await seedUser(database.db));
    const b = sessionUserOf(await seedUser(database.db));
    const seeded: { id: string; createdAt: number }[] = [];
    for (let i = 0; i < 45; i++) {
      // Pairs of rows share a timestamp, so the id must break ties without skipping or repeating rows.
      const createdAt = BASE + Math.floor(i / 2) * HOUR;
      const caption = i === 7 ? 'Cats 100% real_fun' : i % 3 === 0 ? `Cooking pasta #${i}` : `Dance #${i}`;
      const author = i % 5 === 0 ? 'chef.anna' : 'dancer';
      const canonicalUrl = `https://www.tiktok.com/@${author}/${i % 4 === 0 ? 'photo' : 'video'}/75249194596439${String(10000 + i)}`;
      const row = await seedDownload(database.db, a.id, {
        createdAt: new Date(createdAt),
        caption,
        author,
        canonicalUrl,
        kind: i % 4 === 0 ? 'photo' : 'video',
        state: i % 6 === 0 ? 'failed' : 'done',
        failureCode: i % 6 === 0 ? 'private_post' : null,
        bytesDone: BigInt(i * 1000),
        bytesTotal: BigInt(i * 1000),
        searchText: `${author} ${caption} ${canonicalUrl}`.toLowerCase(),
      });
      seeded.push({ id: row.id, createdAt });
    }
    for (let i = 0; i < 10; i++) {
      await seedDownload(database.db, b.id, {
        createdAt: new Date(BASE + i * HOUR),
        caption: 'Cooking pasta by B',
        searchText: 'cooking pasta by b',
      });
    }
    expectedOrder = seeded
      .sort((x, y) => y.createdAt - x.createdAt || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0))
      .map((row) => row.id);
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  test('keyset pages walk the whole history newest first, ties broken by id, nothing twice', async () => {
    const caller = callers.callerFor(a);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await caller.downloads.list({ limit: 10, cursor });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 20);
    assert.equal(pages, 5);
    assert.deepEqual(seen, expectedOrder);
  });

  test('DTOs carry ISO dates, numbers for bytes and the advice of the failure', async () => {
    const { items } = await callers.callerFor(a).downloads.list({ limit: 100, state: 'failed' });
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.equal(item.state, 'failed');
      assert.equal(item.advice, 'screen_recording');
      assert.match(item.failureMessage ?? '', /private/);
      assert.equal(typeof item.bytesDone, 'number');
      assert.match(item.createdAt, /^2026-11-\d\dT/);
    }
  });

  test('search matches caption, author or URL, case-insensitively, with % and _ taken literally', async () => {
    const caller = callers.callerFor(a);
    const pasta = await caller.downloads.list({ q: 'PASTA', limit: 100 });
    assert.equal(pasta.items.length, 15);
    assert.ok(pasta.items.every((item) => item.caption?.includes('pasta')));
    const byAuthor = await caller.downloads.list({ q: 'chef.anna', limit: 100 });
    assert.equal(byAuthor.items.length, 9);
    const byUrl = await caller.downloads.list({ q: '7524919459643910007', limit: 100 });
    assert.equal(byUrl.items.length, 1);
    assert.deepEqual(
      (await caller.downloads.list({ q: '100%', limit: 100 })).items.map((i) => i.caption),
      ['Cats 100% real_fun'],
    );
    assert.equal((await caller.downloads.list({ q: 'l_f', limit: 100 })).items.length, 1);
    // `%` and `_` alone would match everything as wildcards.
    assert.equal((await caller.downloads.list({ q: '%', limit: 100 })).items.length, 1);
    assert.equal((await caller.downloads.list({ q: '_', limit: 100 })).items.length, 1);
  });

  test('filters: state, kind, date range, combined with search and pages', async () => {
    const caller = callers.callerFor(a);
    const photos = await caller.downloads.list({ kind: 'photo', limit: 100 });
    assert.equal(photos.items.length, 12);
    assert.ok(photos.items.every((item) => item.kind === 'photo'));
    const several = await caller.downloads.list({ state: ['failed', 'done'], limit: 100 });
    assert.equal(several.items.length, 45);
    const firstDay = await caller.downloads.list({ from: '2026-11-01', to: '2026-11-01', limit: 100 });
    assert.equal(firstDay.items.length, 45);
    assert.equal((await caller.downloads.list({ from: '2026-11-02', limit: 100 })).items.length, 0);
    const window = await caller.downloads.list({
      from: '2026-11-01T02:00:00.000Z',
      to: '2026-11-01T04:00:00.000Z',
      limit: 100,
    });
    assert.equal(window.items.length, 6);
    const firstPage = await caller.downloads.list({ q: 'dance #', kind: 'video', limit: 5 });
    assert.equal(firstPage.items.length, 5);
    assert.ok(firstPage.nextCursor);
    const rest = await caller.downloads.list({
      q: 'dance #',
      kind: 'video',
      limit: 100,
      cursor: firstPage.nextCursor,
    });
    const all = [...firstPage.items, ...rest.items];
    assert.equal(new Set(all.map((item) => item.id)).size, all.length);
    assert.ok(all.every((item) => item.kind === 'video' && item.caption?.startsWith('Dance')));
    const expected = (await caller.downloads.list({ q: 'dance #', kind: 'video', limit: 100 })).items.length;
    assert.equal(all.length, expected);
  });

  test("a cursor from elsewhere starts from the top and never shows another user's rows", async () => {
    const page = await callers.callerFor(a).downloads.list({ cursor: 'not-a-cursor', limit: 3 });
    assert.deepEqual(
      page.items.map((item) => item.id),
      expectedOrder.slice(0, 3),
    );
  });
});
