import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createUpstream } from './upstream.ts';

describe('createUpstream', () => {
  test('without an origin, TikTok URLs are fetched as they are and only TikTok https hosts are followed', () => {
    const upstream = createUpstream();
    assert.equal(upstream.webOrigin, 'https://www.tiktok.com');
    assert.equal(
      upstream.fetchUrlOf(new URL('https://vm.tiktok.com/ZMabc/')).href,
      'https://vm.tiktok.com/ZMabc/',
    );
    assert.equal(upstream.mayFollow(new URL('https://www.tiktok.com/@a/video/1')), true);
    assert.equal(upstream.mayFollow(new URL('https://m.tiktok.com/v/1.html')), true);
    for (const target of [
      'http://www.tiktok.com/@a/video/1',
      'https://tiktok.com.evil.io/',
      'http://127.0.0.1:4000/',
      'https://[::1]/',
      'https://192.168.1.1/',
    ]) {
      assert.equal(upstream.mayFollow(new URL(target)), false, target);
    }
  });

  test('with an origin, every TikTok host maps onto it and reads back as TikTok', () => {
    const upstream = createUpstream('http://127.0.0.1:4000/ignored/path');
    assert.equal(upstream.webOrigin, 'http://127.0.0.1:4000');
    const cases: ReadonlyArray<[string, string]> = [
      ['https://vm.tiktok.com/ZMabc/', 'http://127.0.0.1:4000/vm/ZMabc/'],
      ['https://vt.tiktok.com/ZSxyz/', 'http://127.0.0.1:4000/vt/ZSxyz/'],
      ['https://www.tiktok.com/t/ZTcode/', 'http://127.0.0.1:4000/t/ZTcode/'],
      ['https://www.tiktok.com/@a/video/1?x=1', 'http://127.0.0.1:4000/@a/video/1?x=1'],
    ];
    for (const [tiktok, local] of cases) {
      assert.equal(upstream.fetchUrlOf(new URL(tiktok)).href, local);
      assert.equal(upstream.tiktokFormOf(new URL(local)).href, tiktok);
    }
    assert.equal(
      upstream.fetchUrlOf(new URL('https://example.com/x')).href,
      'https://example.com/x',
      'other hosts are not mapped',
    );
    assert.equal(upstream.mayFollow(new URL('http://127.0.0.1:4000/@a/video/1')), true);
    assert.equal(upstream.mayFollow(new URL('http://127.0.0.1:4001/@a/video/1')), false);
  });

  test('media comes only from TikTok CDN edges over https, or from the configured origin', () => {
    const upstream = createUpstream();
    for (const target of [
      'https://v16-webapp-prime.tiktok.com/video/tos/a.mp4',
      'https://p16-sign-sg.tiktokcdn.com/obj/a.jpeg',
      'https://v16m-webapp.tiktokcdn-us.com/a.mp4',
    ]) {
      assert.equal(upstream.mayFetchMedia(new URL(target)), true, target);
    }
    for (const target of [
      'http://v16-webapp-prime.tiktok.com/video/a.mp4',
      'https://www.tiktok.com/aweme/v1/play/?video_id=1',
      'https://tiktokcdn.com.evil.io/a.mp4',
      'https://example.com/a.mp4',
      'https://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:4000/media/a.mp4',
    ]) {
      assert.equal(upstream.mayFetchMedia(new URL(target)), false, target);
    }
    const simulated = createUpstream('http://127.0.0.1:4000');
    assert.equal(simulated.mayFetchMedia(new URL('http://127.0.0.1:4000/media/a.mp4')), true);
    assert.equal(simulated.mayFetchMedia(new URL('http://127.0.0.1:4001/media/a.mp4')), false);
    assert.equal(simulated.mayFetchMedia(new URL('https://p16-sign-sg.tiktokcdn.com/a.jpeg')), true);
  });

  test('an origin that is not http(s) is refused', () => {
    assert.throws(() => createUpstream('ftp://127.0.0.1:21'), TypeError);
    assert.throws(() => createUpstream('not a url'), TypeError);
  });
});
