import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AppError, isAppError } from '../errors.ts';
import { challengePage, idAt } from '../page/test-support/build-page.ts';
import type { UpstreamPushback } from '../resolve/pushback.ts';
import { type FakeRoute, startFakeUpstream } from '../resolve/test-support/fake-upstream.ts';
import { STORY_LIFETIME_MS } from '../story/story-deadline.ts';
import { listCreatorStories } from './list-creator-stories.ts';
import { jsonAnswer, listEntry, SAMPLE_USER_ID } from './test-support/creator-answers.ts';

const PATH = '/api/story/item_list/';
const NOW_S = 1_790_000_000;

async function withStoryList(
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

const query = (path: string) => new URL(path, 'http://x').searchParams;
const story = (secondsAgo: number, photo = false) => {
  const createTime = NOW_S - secondsAgo;
  return listEntry({ id: idAt(createTime - 3), createTime, photo });
};

describe('listCreatorStories', () => {
  test('one page: id, createTime, deadline (24 h later) and kind; the web parameters are sent', async () => {
    const entries = [story(3600), story(600, true)];
    await withStoryList(
      () => jsonAnswer({ itemList: entries, HasMoreAfter: false, MaxCursor: 1, statusCode: 0 }),
      async (origin, queries) => {
        const stories = await listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin });
        assert.deepEqual(
          stories.map((s) => [
            s.id,
            s.createTime.getTime() / 1000,
            s.deadline.getTime() - s.createTime.getTime(),
            s.kind,
          ]),
          [
            [entries[0]?.id, NOW_S - 3600, STORY_LIFETIME_MS, 'video'],
            [entries[1]?.id, NOW_S - 600, STORY_LIFETIME_MS, 'photo'],
          ],
        );
        const sent = queries()[0];
        assert.equal(sent?.get('authorId'), SAMPLE_USER_ID);
        assert.equal(sent?.get('aid'), '1988');
        assert.equal(sent?.get('loadBackward'), 'false');
        assert.equal(sent?.get('cursor'), '0');
        assert.match(sent?.get('device_id') ?? '', /^7[23]\d{17}$/);
      },
    );
  });

  test('no itemList means no stories: []', async () => {
    await withStoryList(
      () => jsonAnswer({ HasMoreAfter: false, MaxCursor: 0, statusCode: 0 }),
      async (origin) => {
        assert.deepEqual(await listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin }), []);
      },
    );
  });

  test('follows MaxCursor while HasMoreAfter, with one device_id; sorted by deadline', async () => {
    const pages: Record<string, unknown> = {
      '0': { itemList: [story(5000), story(4000)], HasMoreAfter: true, MaxCursor: 111 },
      '111': { itemList: [story(3000)], HasMoreAfter: true, MaxCursor: 222 },
      '222': { itemList: [story(100)], HasMoreAfter: false, MaxCursor: 333 },
    };
    await withStoryList(
      (request) => jsonAnswer(pages[query(request.path).get('cursor') ?? ''] ?? { statusCode: 10201 }),
      async (origin, queries) => {
        const stories = await listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin });
        assert.equal(stories.length, 4);
        assert.deepEqual(
          stories.map((s) => s.createTime.getTime()),
          [...stories.map((s) => s.createTime.getTime())].sort((a, b) => a - b),
        );
        assert.deepEqual(
          queries().map((q) => q.get('cursor')),
          ['0', '111', '222'],
        );
        assert.equal(new Set(queries().map((q) => q.get('device_id'))).size, 1);
      },
    );
  });

  test('a repeated page gets a new device_id and one more try of the same cursor', async () => {
    let stuckDevice: string | null = null;
    await withStoryList(
      (request) => {
        const q = query(request.path);
        stuckDevice ??= q.get('device_id');
        if (q.get('device_id') === stuckDevice) {
          return jsonAnswer({ itemList: [story(900)], HasMoreAfter: true, MaxCursor: 5 });
        }
        return jsonAnswer({ itemList: [story(100)], HasMoreAfter: false, MaxCursor: 9 });
      },
      async (origin, queries) => {
        const stories = await listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin });
        assert.equal(stories.length, 2);
        assert.deepEqual(
          queries().map((q) => q.get('cursor')),
          ['0', '5', '5'],
        );
        assert.notEqual(queries()[2]?.get('device_id'), queries()[1]?.get('device_id'));
      },
    );
  });

  test('an endless repeat stops paging with what was read, within the page bound', async () => {
    await withStoryList(
      () => jsonAnswer({ itemList: [story(900)], HasMoreAfter: true, MaxCursor: 5 }),
      async (origin, queries) => {
        const stories = await listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin });
        assert.equal(stories.length, 1);
        assert.equal(queries().length, 3);
      },
    );
    let cursor = 0;
    await withStoryList(
      () => {
        cursor += 1;
        return jsonAnswer({ itemList: [story(9000 - cursor)], HasMoreAfter: true, MaxCursor: cursor });
      },
      async (origin, queries) => {
        await listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin });
        assert.equal(queries().length, 10, 'bounded');
      },
    );
  });

  test('list statuses: 10222 private_account, 10221 account_not_found, 10204 a hidden list (pushback)', async () => {
    const pushbacks: UpstreamPushback[] = [];
    const cases: Array<[number, string]> = [
      [10222, 'private_account'],
      [10221, 'account_not_found'],
      [10204, 'upstream_error'],
    ];
    for (const [statusCode, code] of cases) {
      await withStoryList(
        () => jsonAnswer({ statusCode, status_msg: 'x' }),
        async (origin) => {
          const error = await rejection(
            listCreatorStories(
              { tiktokId: SAMPLE_USER_ID },
              { origin, onPushback: (p) => pushbacks.push(p) },
            ),
          );
          assert.equal(error.code, code);
          assert.equal(error.detail.statusCode, statusCode);
        },
      );
    }
    assert.deepEqual(pushbacks, [{ kind: 'item_hidden' }]);
  });

  test('429 → rate_limited with Retry-After and pushback; 5xx → upstream_error', async () => {
    const pushbacks: UpstreamPushback[] = [];
    await withStoryList(
      () => ({ status: 429, headers: { 'Retry-After': '30' }, body: '' }),
      async (origin) => {
        const error = await rejection(
          listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin, onPushback: (p) => pushbacks.push(p) }),
        );
        assert.equal(error.code, 'rate_limited');
      },
    );
    assert.deepEqual(pushbacks, [{ kind: 'rate_limited', retryAfterSeconds: 30 }]);
    await withStoryList(
      () => ({ status: 503, body: '' }),
      async (origin) => {
        assert.equal(
          (await rejection(listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin }))).code,
          'upstream_error',
        );
      },
    );
  });

  test('the WAF challenge on the API is solved once and reported; an unreadable body is tried twice', async () => {
    const challenge = challengePage({ answer: 12 });
    const pushbacks: UpstreamPushback[] = [];
    await withStoryList(
      (request) =>
        request.headers.cookie?.includes('_wafchallengeid=')
          ? jsonAnswer({ itemList: [story(60)], HasMoreAfter: false })
          : { body: challenge.html },
      async (origin, queries) => {
        const stories = await listCreatorStories(
          { tiktokId: SAMPLE_USER_ID },
          { origin, onPushback: (p) => pushbacks.push(p) },
        );
        assert.equal(stories.length, 1);
        assert.equal(queries().length, 2);
      },
    );
    assert.deepEqual(pushbacks, [{ kind: 'challenge' }]);
    await withStoryList(
      (_request, _origin, count) => (count === 1 ? { body: '' } : jsonAnswer({ itemList: [story(60)] })),
      async (origin, queries) => {
        assert.equal((await listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin })).length, 1);
        assert.equal(queries().length, 2);
      },
    );
    await withStoryList(
      () => ({ body: 'not json' }),
      async (origin) => {
        assert.equal(
          (await rejection(listCreatorStories({ tiktokId: SAMPLE_USER_ID }, { origin }))).code,
          'upstream_error',
        );
      },
    );
  });

  test('an id that is not a TikTok account id is refused before any request', async () => {
    await withStoryList(
      () => jsonAnswer({}),
      async (origin, queries) => {
        assert.equal(
          (await rejection(listCreatorStories({ tiktokId: '12ab' }, { origin }))).code,
          'invalid_creator',
        );
        assert.equal(queries().length, 0);
      },
    );
  });
});
