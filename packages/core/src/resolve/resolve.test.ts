import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AppError, isAppError } from '../errors.ts';
import {
  challengePage,
  idAt,
  photoRedirectPage,
  SAMPLE_AUTHOR_ID,
  SAMPLE_ITEM_ID,
  universalPage,
  videoItem,
  videoPage,
} from '../page/test-support/build-page.ts';
import { resolve } from './resolve.ts';
import {
  type FakeRoute,
  type FakeUpstream,
  pageCookies,
  startFakeUpstream,
} from './test-support/fake-upstream.ts';

const PAGE_PATH = `/@_/video/${SAMPLE_ITEM_ID}`;
const LINK = `https://www.tiktok.com/@sample.creator/video/${SAMPLE_ITEM_ID}`;
const okPage: FakeRoute = () => ({ body: videoPage(), headers: pageCookies('chain-1') });
const noStories: FakeRoute = () => ({
  body: '{"statusCode":0}',
  headers: { 'Content-Type': 'application/json' },
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAppError(error), `expected an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

async function withUpstream(
  routes: Record<string, FakeRoute>,
  run: (upstream: FakeUpstream) => Promise<void>,
) {
  const upstream = await startFakeUpstream(routes);
  try {
    await run(upstream);
  } finally {
    await upstream.close();
  }
}

describe('resolve: the happy path', () => {
  let upstream: FakeUpstream;
  before(async () => {
    upstream = await startFakeUpstream({
      [PAGE_PATH]: okPage,
      [`/@sample.creator/video/${SAMPLE_ITEM_ID}`]: okPage,
      '/api/story/item_list/': noStories,
      '/vm/ZMabc123/': (_request, origin) => ({
        status: 301,
        headers: { Location: `${origin}/@sample.creator/video/${SAMPLE_ITEM_ID}?_t=x&_r=1` },
        body: '<a href="…">Moved Permanently</a>.',
      }),
    });
  });
  after(() => upstream.close());

  test('a post link gives the item, its plan and the headers media requests need', async () => {
    const resolved = await resolve(LINK, { origin: upstream.origin });
    assert.equal(resolved.item.id, SAMPLE_ITEM_ID);
    assert.equal(resolved.canonicalUrl, LINK);
    assert.equal(resolved.pageUrl, `${upstream.origin}/@sample.creator/video/${SAMPLE_ITEM_ID}`);
    assert.equal(resolved.isStory, false);
    assert.equal(resolved.storyDeadline, undefined);
    assert.equal(resolved.plan.assets[0]?.codec, 'h264');
    assert.match(resolved.mediaRequest.headers.Cookie, /(^|; )tt_chain_token=chain-1(;|$)/);
    assert.equal(resolved.mediaRequest.headers.Referer, `${upstream.origin}/`);
    assert.match(resolved.mediaRequest.headers['User-Agent'], /Chrome\//);
    const pageRequest = upstream.requestsTo(`/@sample.creator/video/${SAMPLE_ITEM_ID}`)[0];
    assert.match(String(pageRequest?.headers['user-agent']), /Chrome\//);
  });

  test('a short link is followed one hop to the post', async () => {
    const resolved = await resolve('https://vm.tiktok.com/ZMabc123/', { origin: upstream.origin });
    assert.equal(resolved.item.id, SAMPLE_ITEM_ID);
    assert.equal(upstream.requestsTo('/vm/ZMabc123/').length, 1);
  });

  test('quality and cover preferences reach the media plan', async () => {
    const resolved = await resolve(LINK, {
      origin: upstream.origin,
      quality: 'highest',
      includeCover: false,
    });
    assert.deepEqual(
      resolved.plan.assets.map((asset) => [asset.role, asset.codec, asset.height]),
      [['video', 'h265', 1920]],
    );
  });

  test('each resolve has its own cookie jar', async () => {
    const before = upstream.requests.length;
    await resolve(LINK, { origin: upstream.origin, detectStory: false });
    const pageRequests = upstream.requests
      .slice(before)
      .filter((request) => request.path.includes('/video/'));
    assert.equal(
      pageRequests[0]?.headers.cookie,
      undefined,
      'no cookie carried over from an earlier resolve',
    );
  });

  test('a link that is not a post is invalid_link, without any request', async () => {
    const before = upstream.requests.length;
    const error = await rejection(resolve('https://example.com/watch?v=1', { origin: upstream.origin }));
    assert.equal(error.code, 'invalid_link');
    assert.equal(upstream.requests.length, before);
  });
});

describe('resolve: short links', () => {
  const cases: ReadonlyArray<[string, FakeRoute, string]> = [
    [
      'to the home page',
      (_r, origin) => ({ status: 301, headers: { Location: `${origin}/?_r=1` } }),
      'short_link_dead',
    ],
    [
      'to another short link',
      (_r, origin) => ({ status: 301, headers: { Location: `${origin}/t/ZTother1/` } }),
      'short_link_dead',
    ],
    [
      'off TikTok',
      () => ({ status: 302, headers: { Location: 'https://evil.example/@a/video/1' } }),
      'blocked_redirect',
    ],
    [
      'to a loopback address that is not the configured origin',
      () => ({ status: 302, headers: { Location: `http://127.0.0.1:1/@a/video/${SAMPLE_ITEM_ID}` } }),
      'blocked_redirect',
    ],
    [
      'to a private address over https',
      () => ({ status: 302, headers: { Location: `https://10.0.0.1/@a/video/${SAMPLE_ITEM_ID}` } }),
      'blocked_redirect',
    ],
    ['with 404', () => ({ status: 404 }), 'short_link_dead'],
    ['with 200 and no redirect', () => ({ status: 200, body: '<html></html>' }), 'short_link_dead'],
    ['with 429', () => ({ status: 429, headers: { 'Retry-After': '12' } }), 'rate_limited'],
  ];
  for (const [name, route, code] of cases) {
    test(`a short link ${name} → ${code}`, async () => {
      await withUpstream({ '/t/ZTcode12/': route }, async (upstream) => {
        const error = await rejection(
          resolve('https://www.tiktok.com/t/ZTcode12/', { origin: upstream.origin }),
        );
        assert.equal(error.code, code);
      });
    });
  }
});

describe('resolve: the page', () => {
  test('a WAF challenge is solved once, with the answer sent on the retry only', async () => {
    const challenge = challengePage({ answer: 321 });
    const route: FakeRoute = (request, _origin, count) =>
      count === 1
        ? { body: challenge.html }
        : request.headers.cookie?.includes('_wafchallengeid=')
          ? okPage(request, '', count)
          : { body: challenge.html };
    await withUpstream({ [PAGE_PATH]: route, '/api/story/item_list/': noStories }, async (upstream) => {
      const resolved = await resolve(`https://www.tiktok.com/embed/v2/${SAMPLE_ITEM_ID}`, {
        origin: upstream.origin,
      });
      assert.equal(resolved.item.id, SAMPLE_ITEM_ID);
      const [first, second] = upstream.requestsTo(PAGE_PATH);
      assert.equal(first?.headers.cookie, undefined);
      assert.match(String(second?.headers.cookie), /_wafchallengeid=[A-Za-z0-9+/=]+/);
      assert.match(String(second?.headers.cookie), /waforiginalreid=orig-12345/);
      assert.doesNotMatch(resolved.mediaRequest.headers.Cookie, /_wafchallengeid|waforiginalreid/);
    });
  });

  test('a challenge that comes back after solving is a challenge error', async () => {
    const challenge = challengePage({ answer: 5 });
    await withUpstream({ [PAGE_PATH]: () => ({ body: challenge.html }) }, async (upstream) => {
      const error = await rejection(
        resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, { origin: upstream.origin }),
      );
      assert.equal(error.code, 'challenge');
      assert.equal(upstream.requestsTo(PAGE_PATH).length, 2);
    });
  });

  test('a redirect to /login is the login wall', async () => {
    const route: FakeRoute = (_r, origin) => ({
      status: 302,
      headers: { Location: `${origin}/login?redirect_url=x` },
    });
    await withUpstream({ [PAGE_PATH]: route }, async (upstream) => {
      const error = await rejection(
        resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, { origin: upstream.origin }),
      );
      assert.equal(error.code, 'login_required');
      assert.equal(upstream.requestsTo('/login').length, 0, 'the login page itself is not fetched');
    });
  });

  test('a redirect to the same post under its real handle is followed', async () => {
    await withUpstream(
      {
        [PAGE_PATH]: (_r, origin) => ({
          status: 301,
          headers: { Location: `${origin}/@sample.creator/video/${SAMPLE_ITEM_ID}` },
        }),
        [`/@sample.creator/video/${SAMPLE_ITEM_ID}`]: okPage,
        '/api/story/item_list/': noStories,
      },
      async (upstream) => {
        const resolved = await resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, {
          origin: upstream.origin,
        });
        assert.equal(resolved.pageUrl, `${upstream.origin}/@sample.creator/video/${SAMPLE_ITEM_ID}`);
      },
    );
  });

  test('a page redirecting off TikTok is blocked, and a redirect loop stops', async () => {
    await withUpstream(
      {
        [PAGE_PATH]: () => ({
          status: 302,
          headers: { Location: 'http://169.254.169.254/latest/meta-data/' },
        }),
        [`/@loop/video/${SAMPLE_ITEM_ID}`]: (_r, origin) => ({
          status: 302,
          headers: { Location: `${origin}/@loop/video/${SAMPLE_ITEM_ID}` },
        }),
      },
      async (upstream) => {
        const blocked = await rejection(
          resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, { origin: upstream.origin }),
        );
        assert.equal(blocked.code, 'blocked_redirect');
        const looped = await rejection(
          resolve(`https://www.tiktok.com/@loop/video/${SAMPLE_ITEM_ID}`, { origin: upstream.origin }),
        );
        assert.equal(looped.code, 'upstream_error');
        assert.equal(upstream.requestsTo(`/@loop/video/${SAMPLE_ITEM_ID}`).length, 6);
      },
    );
  });

  test('the photo page is followed once to its canonical /video/ page', async () => {
    await withUpstream(
      {
        [PAGE_PATH]: (_r, origin) => ({
          body: photoRedirectPage(`${origin}/@sample.creator/photo/${SAMPLE_ITEM_ID}`),
        }),
        [`/@sample.creator/video/${SAMPLE_ITEM_ID}`]: okPage,
        '/api/story/item_list/': noStories,
      },
      async (upstream) => {
        const resolved = await resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, {
          origin: upstream.origin,
        });
        assert.equal(resolved.item.id, SAMPLE_ITEM_ID);
        assert.equal(upstream.requestsTo(`/@sample.creator/video/${SAMPLE_ITEM_ID}`).length, 1);
      },
    );
  });

  const httpCases: ReadonlyArray<[number, Record<string, string>, string]> = [
    [429, { 'Retry-After': '30' }, 'rate_limited'],
    [503, {}, 'upstream_error'],
    [500, {}, 'upstream_error'],
    [403, {}, 'upstream_error'],
    [404, {}, 'not_found'],
  ];
  for (const [status, headers, code] of httpCases) {
    test(`HTTP ${status} on the page → ${code}`, async () => {
      await withUpstream({ [PAGE_PATH]: () => ({ status, headers, body: 'error' }) }, async (upstream) => {
        const error = await rejection(
          resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, { origin: upstream.origin }),
        );
        assert.equal(error.code, code);
        if (status === 429) assert.equal(error.detail.retryAfterSeconds, 30);
      });
    });
  }

  test("TikTok's status becomes the matching error, with the raw status kept", async () => {
    const route: FakeRoute = () => ({
      body: universalPage({ videoDetail: { statusCode: 10222, statusMsg: '' } }),
    });
    await withUpstream({ [PAGE_PATH]: route }, async (upstream) => {
      const error = await rejection(
        resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, { origin: upstream.origin }),
      );
      assert.equal(error.code, 'private_account');
      assert.equal(error.detail.statusCode, 10222);
    });
  });

  test('a page carrying another item is refused', async () => {
    const other = idAt(1_735_000_000);
    await withUpstream(
      { [PAGE_PATH]: () => ({ body: videoPage(videoItem({ id: other })) }) },
      async (upstream) => {
        const error = await rejection(
          resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, { origin: upstream.origin }),
        );
        assert.equal(error.code, 'upstream_error');
      },
    );
  });

  test('an oversized page is refused without reading it all', async () => {
    await withUpstream({ [PAGE_PATH]: okPage }, async (upstream) => {
      const error = await rejection(
        resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, {
          origin: upstream.origin,
          maxPageBytes: 1000,
        }),
      );
      assert.equal(error.code, 'upstream_error');
      assert.match(error.message, /exceeds 1000/);
    });
  });

  test('a page that never answers times out as a network error; a cancel is canceled', async () => {
    await withUpstream({ [PAGE_PATH]: () => ({ hang: true }) }, async (upstream) => {
      const timedOut = await rejection(
        resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, {
          origin: upstream.origin,
          timeoutMs: 150,
        }),
      );
      assert.equal(timedOut.code, 'network');
      assert.equal(timedOut.retryable, true);
      const controller = new AbortController();
      const pending = resolve(`https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`, {
        origin: upstream.origin,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 50);
      assert.equal((await rejection(pending)).code, 'canceled');
    });
  });

  test('an unreachable upstream is a network error', async () => {
    const upstream = await startFakeUpstream({});
    const { origin } = upstream;
    await upstream.close();
    const error = await rejection(resolve(LINK, { origin }));
    assert.equal(error.code, 'network');
  });
});

describe('resolve: stories', () => {
  const storyId = idAt(Math.floor(Date.parse('2025-06-01T10:00:00Z') / 1000));
  const storyPath = `/@_/video/${storyId}`;
  const storyPage: FakeRoute = () => ({
    body: videoPage(
      videoItem({ id: storyId, createTime: String(Date.parse('2025-06-01T10:00:05Z') / 1000) }),
    ),
  });
  const listing: FakeRoute = (request) => {
    const query = new URLSearchParams(request.path.split('?')[1]);
    const listed = query.get('authorId') === SAMPLE_AUTHOR_ID ? { itemList: [{ id: storyId }] } : {};
    return {
      body: JSON.stringify({ ...listed, HasMoreAfter: false, MaxCursor: 0 }),
      headers: { 'Content-Type': 'application/json' },
    };
  };

  test("an item listed in its author's story list is a story with a 24 h deadline", async () => {
    await withUpstream({ [storyPath]: storyPage, '/api/story/item_list/': listing }, async (upstream) => {
      const resolved = await resolve(`https://www.tiktok.com/embed/${storyId}`, { origin: upstream.origin });
      assert.equal(resolved.isStory, true);
      assert.equal(resolved.storyDeadline?.toISOString(), '2025-06-02T10:00:05.000Z');
      const query = new URLSearchParams(upstream.requestsTo('/api/story/item_list/')[0]?.path.split('?')[1]);
      assert.deepEqual(
        ['authorId', 'count', 'cursor', 'loadBackward', 'aid'].map((key) => query.get(key)),
        [SAMPLE_AUTHOR_ID, '30', '0', 'false', '1988'],
      );
    });
  });

  test('a failing story list means "not a story"', async () => {
    for (const route of [
      () => ({ status: 500 }),
      () => ({ body: 'not json' }),
      () => ({ hang: true }),
    ] as FakeRoute[]) {
      await withUpstream({ [storyPath]: storyPage, '/api/story/item_list/': route }, async (upstream) => {
        const resolved = await resolve(`https://www.tiktok.com/embed/${storyId}`, {
          origin: upstream.origin,
          timeoutMs: 300,
        });
        assert.equal(resolved.isStory, false);
      });
    }
  });

  test('a known story that now answers "deleted" after 24 h has expired', async () => {
    const gone: FakeRoute = () => ({
      body: universalPage({ videoDetail: { statusCode: 10204, statusMsg: 'status_deleted' } }),
    });
    await withUpstream({ [storyPath]: gone }, async (upstream) => {
      const link = `https://www.tiktok.com/embed/${storyId}`;
      const now = () => new Date('2025-06-02T11:00:00Z');
      assert.equal(
        (await rejection(resolve(link, { origin: upstream.origin, knownStory: true, now }))).code,
        'story_expired',
      );
      assert.equal((await rejection(resolve(link, { origin: upstream.origin, now }))).code, 'deleted');
      const early = () => new Date('2025-06-01T20:00:00Z');
      assert.equal(
        (await rejection(resolve(link, { origin: upstream.origin, knownStory: true, now: early }))).code,
        'deleted',
      );
    });
  });
});
