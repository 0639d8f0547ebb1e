import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAppError } from '../errors.ts';
import { followShortLink } from './follow-short-link.ts';
import { type FakeUpstream, startFakeUpstream } from './test-support/fake-upstream.ts';

const ITEM_ID = '7524919459643919624';

describe('followShortLink', () => {
  let upstream: FakeUpstream;
  before(async () => {
    upstream = await startFakeUpstream({
      '/vm/ZMabc123/': (_request, origin) => ({
        status: 301,
        headers: { Location: `${origin}/@some.one/photo/${ITEM_ID}?_t=x&_r=1` },
      }),
      '/vm/ZMgone/': (_request, origin) => ({ status: 301, headers: { Location: `${origin}/?_r=1` } }),
    });
  });
  after(async () => {
    await upstream?.close();
  });

  test('a short link is followed one hop: id, author and kind, without fetching the post', async () => {
    const target = await followShortLink('https://vm.tiktok.com/ZMabc123/', { origin: upstream.origin });
    assert.equal(target.id, ITEM_ID);
    assert.equal(target.username, 'some.one');
    assert.equal(target.kind, 'photo');
    assert.equal(target.canonicalUrl, `https://www.tiktok.com/@some.one/photo/${ITEM_ID}`);
    assert.equal(upstream.requests.length, 1);
  });

  test('a post link is read as it is, with no request', async () => {
    const before = upstream.requests.length;
    const target = await followShortLink(`https://www.tiktok.com/@a.b/video/${ITEM_ID}`, {
      origin: upstream.origin,
    });
    assert.equal(target.id, ITEM_ID);
    assert.equal(target.kind, 'video');
    assert.equal(upstream.requests.length, before);
  });

  test('a short link that leads home is short_link_dead; a non-link is invalid_link', async () => {
    await assert.rejects(
      followShortLink('https://vm.tiktok.com/ZMgone/', { origin: upstream.origin }),
      (error: unknown) => isAppError(error) && error.code === 'short_link_dead',
    );
    await assert.rejects(
      followShortLink('https://example.com/x', { origin: upstream.origin }),
      (error: unknown) => isAppError(error) && error.code === 'invalid_link',
    );
  });
});
