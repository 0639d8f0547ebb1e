import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppError } from '../errors.ts';
import { challengePage, SAMPLE_ITEM_ID, videoPage } from '../page/test-support/build-page.ts';
import type { UpstreamPushback } from './pushback.ts';
import { resolve } from './resolve.ts';
import { type FakeRoute, pageCookies, startFakeUpstream } from './test-support/fake-upstream.ts';

const PAGE_PATH = `/@_/video/${SAMPLE_ITEM_ID}`;
const LINK = `https://www.tiktok.com/embed/${SAMPLE_ITEM_ID}`;
const okPage: FakeRoute = () => ({ body: videoPage(), headers: pageCookies('chain-1') });
const noStories: FakeRoute = () => ({
  body: '{"statusCode":0}',
  headers: { 'Content-Type': 'application/json' },
});

/** Resolves LINK against `routes`; returns the pushbacks seen and the error code (or 'ok'). */
async function pushbacksOf(
  routes: Record<string, FakeRoute>,
): Promise<{ outcome: string; seen: UpstreamPushback[] }> {
  const upstream = await startFakeUpstream(routes);
  const seen: UpstreamPushback[] = [];
  try {
    await resolve(LINK, { origin: upstream.origin, onPushback: (p) => seen.push(p) });
    return { outcome: 'ok', seen };
  } catch (error) {
    assert.ok(isAppError(error), String(error));
    return { outcome: error.code, seen };
  } finally {
    await upstream.close();
  }
}

describe('resolve: onPushback', () => {
  test('a 429 page reports rate_limited with its Retry-After', async () => {
    const result = await pushbacksOf({
      [PAGE_PATH]: () => ({ status: 429, headers: { 'Retry-After': '90' }, body: '' }),
    });
    assert.deepEqual(result, {
      outcome: 'rate_limited',
      seen: [{ kind: 'rate_limited', retryAfterSeconds: 90 }],
    });
  });

  test('a 429 without Retry-After reports rate_limited without seconds', async () => {
    const result = await pushbacksOf({ [PAGE_PATH]: () => ({ status: 429, body: '' }) });
    assert.deepEqual(result.seen, [{ kind: 'rate_limited' }]);
  });

  test('a challenge is reported when seen, also when it is solved', async () => {
    const challenge = challengePage({ answer: 42 });
    const solved = await pushbacksOf({
      [PAGE_PATH]: (request, origin, count) =>
        request.headers.cookie?.includes('_wafchallengeid=')
          ? okPage(request, origin, count)
          : { body: challenge.html },
      '/api/story/item_list/': noStories,
    });
    assert.deepEqual(solved, { outcome: 'ok', seen: [{ kind: 'challenge' }] });
    const unsolved = await pushbacksOf({ [PAGE_PATH]: () => ({ body: challenge.html }) });
    assert.deepEqual(unsolved, {
      outcome: 'challenge',
      seen: [{ kind: 'challenge' }, { kind: 'challenge' }],
    });
  });

  test('the login wall is reported', async () => {
    const result = await pushbacksOf({
      [PAGE_PATH]: (_request, origin) => ({ status: 302, headers: { Location: `${origin}/login?x=1` } }),
    });
    assert.deepEqual(result, { outcome: 'login_required', seen: [{ kind: 'login_wall' }] });
  });

  test('a 429 on the story check is reported though the resolve succeeds (the item reads as not a story)', async () => {
    const result = await pushbacksOf({
      [PAGE_PATH]: okPage,
      '/api/story/item_list/': () => ({ status: 429, headers: { 'Retry-After': '7' }, body: '' }),
    });
    assert.deepEqual(result, { outcome: 'ok', seen: [{ kind: 'rate_limited', retryAfterSeconds: 7 }] });
  });

  test('a fine resolve reports nothing, and a listener that throws changes nothing', async () => {
    assert.deepEqual(await pushbacksOf({ [PAGE_PATH]: okPage, '/api/story/item_list/': noStories }), {
      outcome: 'ok',
      seen: [],
    });
    const upstream = await startFakeUpstream({ [PAGE_PATH]: () => ({ status: 429, body: '' }) });
    try {
      await assert.rejects(
        resolve(LINK, {
          origin: upstream.origin,
          onPushback: () => {
            throw new Error('listener broke');
          },
        }),
        (error: unknown) => isAppError(error) && error.code === 'rate_limited',
      );
    } finally {
      await upstream.close();
    }
  });
});
