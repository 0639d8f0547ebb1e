import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AppError, isAppError } from '../errors.ts';
import { idAt } from '../page/test-support/build-page.ts';
import { type FakeRoute, startFakeUpstream } from '../resolve/test-support/fake-upstream.ts';
import { listCreatorPosts } from './list-creator-posts.ts';
import { jsonAnswer, listEntry, SAMPLE_SEC_UID } from './test-support/creator-answers.ts';

const PATH = '/api/creator/item_list/';
const NOW_MS = 1_790_000_000_000;
const HOUR_S = 3600;
const now = () => new Date(NOW_MS);
const creator = { secUid: SAMPLE_SEC_UID };

/** A fake post list over `posts` (newest first, createTime in s): items older than the ms cursor. */
function postList(
  posts: ReturnType<typeof listEntry>[],
  pinned: ReturnType<typeof listEntry>[] = [],
): FakeRoute {
  return (request) => {
    const q = new URL(request.path, 'http://x').searchParams;
    const cursor = Number(q.get('cursor'));
    const count = Number(q.get('count'));
    const older = posts.filter((p) => Number(p.createTime) * 1000 < cursor);
    const page = older.slice(0, count);
    const first = posts.length === 0 || cursor > Number(posts[0]?.createTime) * 1000;
    return jsonAnswer({
      ...(page.length > 0 || (first && pinned.length > 0)
        ? { itemList: [...(first ? pinned : []), ...page] }
        : {}),
      hasMorePrevious: older.length > page.length,
      statusCode: 0,
    });
  };
}

function posts(count: number, spacingS: number, startAgoS = 60): ReturnType<typeof listEntry>[] {
  return Array.from({ length: count }, (_, index) => {
    const createTime = NOW_MS / 1000 - startAgoS - index * spacingS;
    return listEntry({
      id: idAt(createTime - 2, index + 1),
      createTime,
      photo: index % 5 === 4,
      author: 'sunny.kitchen',
    });
  });
}

async function withPostList(
  route: FakeRoute,
  run: (origin: string, queries: () => URLSearchParams[]) => Promise<void>,
) {
  const upstream = await startFakeUpstream({ [PATH]: route });
  try {
    await run(upstream.origin, () =>
      upstream.requestsTo(PATH).map((request) => new URL(request.path, 'http://x').searchParams),
    );
  } finally {
    await upstream.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAppError(error), `expected an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('listCreatorPosts', () => {
  test('starts at now with the ms cursor, secUid, type=1, count=15; gives posts since `since`, newest first', async () => {
    const all = posts(5, HOUR_S);
    await withPostList(postList(all), async (origin, queries) => {
      const listed = await listCreatorPosts(creator, {
        origin,
        now,
        since: new Date(NOW_MS - 3.5 * HOUR_S * 1000),
      });
      assert.deepEqual(
        listed.map((p) => p.id),
        all.slice(0, 4).map((p) => p.id),
      );
      assert.equal(listed[0]?.authorHandle, 'sunny.kitchen');
      assert.equal(listed[0]?.createTime.getTime(), Number(all[0]?.createTime) * 1000);
      assert.deepEqual(
        listed.map((p) => p.kind),
        ['video', 'video', 'video', 'video'],
      );
      const sent = queries()[0];
      assert.equal(sent?.get('cursor'), String(NOW_MS));
      assert.equal(sent?.get('secUid'), SAMPLE_SEC_UID);
      assert.equal(sent?.get('type'), '1');
      assert.equal(sent?.get('count'), '15');
      assert.equal(sent?.get('aid'), '1988');
      assert.equal(queries().length, 1);
    });
  });

  test('pages back with cursor = oldest createTime × 1000 until a post is older than since', async () => {
    const all = posts(40, 600);
    await withPostList(postList(all), async (origin, queries) => {
      const listed = await listCreatorPosts(creator, {
        origin,
        now,
        since: new Date(NOW_MS - 35 * 600 * 1000),
      });
      assert.equal(listed.length, 35);
      assert.equal(new Set(listed.map((p) => p.id)).size, 35);
      assert.equal(listed.filter((p) => p.kind === 'photo').length, 7);
      const cursors = queries().map((q) => Number(q.get('cursor')));
      assert.deepEqual(cursors, [
        NOW_MS,
        Number(all[14]?.createTime) * 1000,
        Number(all[29]?.createTime) * 1000,
      ]);
      assert.equal(new Set(queries().map((q) => q.get('device_id'))).size, 1);
    });
  });

  test('stops at maxPages and when TikTok has nothing older; an empty account gives []', async () => {
    await withPostList(postList(posts(100, 60)), async (origin, queries) => {
      const listed = await listCreatorPosts(creator, { origin, now, since: new Date(0), maxPages: 2 });
      assert.equal(listed.length, 30);
      assert.equal(queries().length, 2);
    });
    await withPostList(postList(posts(20, 60)), async (origin, queries) => {
      assert.equal((await listCreatorPosts(creator, { origin, now, since: new Date(0) })).length, 20);
      assert.equal(queries().length, 2);
    });
    await withPostList(postList([]), async (origin, queries) => {
      assert.deepEqual(await listCreatorPosts(creator, { origin, now, since: new Date(0) }), []);
      assert.equal(queries().length, 1);
    });
  });

  test('an old pinned post heading the first page neither stops paging nor is listed', async () => {
    const all = posts(20, 600);
    const pinned = [
      listEntry({
        id: idAt(NOW_MS / 1000 - 400 * 86_400, 9),
        createTime: NOW_MS / 1000 - 400 * 86_400,
        pinned: true,
      }),
    ];
    await withPostList(postList(all, pinned), async (origin) => {
      const listed = await listCreatorPosts(creator, {
        origin,
        now,
        since: new Date(NOW_MS - 18 * 600 * 1000),
      });
      assert.equal(listed.length, 18);
      assert.ok(!listed.some((p) => p.id === pinned[0]?.id));
    });
  });

  test('an empty page with more to come steps the cursor back a week', async () => {
    const weekMs = 7 * 86_400_000;
    await withPostList(
      (request, _origin, count) => {
        const cursor = Number(new URL(request.path, 'http://x').searchParams.get('cursor'));
        if (count === 1) return jsonAnswer({ hasMorePrevious: true, statusCode: 0 });
        const createTime = Math.floor((cursor - 3_600_000) / 1000);
        return jsonAnswer({
          itemList: [listEntry({ id: idAt(createTime, 1), createTime })],
          hasMorePrevious: false,
        });
      },
      async (origin, queries) => {
        const listed = await listCreatorPosts(creator, {
          origin,
          now,
          since: new Date(NOW_MS - 30 * 86_400_000),
        });
        assert.equal(listed.length, 1);
        assert.deepEqual(
          queries().map((q) => Number(q.get('cursor'))),
          [NOW_MS, NOW_MS - weekMs],
        );
      },
    );
  });

  test('a repeated page gets a new device_id once, then paging stops', async () => {
    const page = posts(15, 60);
    await withPostList(
      () => jsonAnswer({ itemList: page, hasMorePrevious: true }),
      async (origin, queries) => {
        const listed = await listCreatorPosts(creator, { origin, now, since: new Date(0), maxPages: 10 });
        assert.equal(listed.length, 15);
        assert.equal(queries().length, 3);
        assert.notEqual(queries()[1]?.get('device_id'), queries()[2]?.get('device_id'));
      },
    );
  });

  test('private, gone, throttled: the same errors as the story list', async () => {
    const cases: Array<[FakeRoute, string]> = [
      [() => jsonAnswer({ statusCode: 10222 }), 'private_account'],
      [() => jsonAnswer({ statusCode: 10221, statusMsg: 'user banned' }), 'account_not_found'],
      [() => ({ status: 429, headers: { 'Retry-After': '5' } }), 'rate_limited'],
    ];
    for (const [route, code] of cases) {
      await withPostList(route, async (origin) => {
        assert.equal(
          (await rejection(listCreatorPosts(creator, { origin, now, since: new Date(0) }))).code,
          code,
        );
      });
    }
  });

  test('bad input is refused before any request', async () => {
    await withPostList(postList([]), async (origin, queries) => {
      assert.equal(
        (await rejection(listCreatorPosts({ secUid: 'x y' }, { origin, since: new Date(0) }))).code,
        'invalid_creator',
      );
      await assert.rejects(listCreatorPosts(creator, { origin, since: new Date(Number.NaN) }), TypeError);
      assert.equal(queries().length, 0);
    });
  });
});
