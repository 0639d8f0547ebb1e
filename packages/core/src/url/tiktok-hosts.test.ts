import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  isTikTokHost,
  isTikTokMediaHost,
  isTikTokPostLinkHost,
  isTikTokShortLinkHost,
} from './tiktok-hosts.ts';

describe('TikTok hosts', () => {
  test('post link hosts', () => {
    for (const host of [
      'www.tiktok.com',
      'tiktok.com',
      'm.tiktok.com',
      'www.tiktokv.com',
      'tiktokv.com',
      'WWW.TikTok.com',
      'www.tiktok.com.',
    ]) {
      assert.equal(isTikTokPostLinkHost(host), true, host);
    }
    for (const host of [
      'vm.tiktok.com',
      'support.tiktok.com',
      'tiktok.com.evil.io',
      'evil-tiktok.com',
      'wwwtiktok.com',
    ]) {
      assert.equal(isTikTokPostLinkHost(host), false, host);
    }
  });

  test('short link hosts', () => {
    assert.equal(isTikTokShortLinkHost('vm.tiktok.com'), true);
    assert.equal(isTikTokShortLinkHost('vt.tiktok.com'), true);
    assert.equal(isTikTokShortLinkHost('VT.tiktok.com.'), true);
    assert.equal(isTikTokShortLinkHost('www.tiktok.com'), false);
    assert.equal(isTikTokShortLinkHost('vm.tiktok.com.evil.io'), false);
  });

  // Hosts seen in real captures (shared/real-captures), in media URLs of item structs.
  const REAL_MEDIA_HOSTS = [
    'v16-webapp-prime.tiktok.com',
    'v19-webapp-prime.us.tiktok.com',
    'v16-webapp.tiktok.com',
    'v16m-webapp.tiktokcdn-us.com',
    'p16-sign-sg.tiktokcdn.com',
    'p16-common-sign.tiktokcdn-us.com',
    'p9-sg.tiktokcdn.com',
    'p16.muscdn.com',
    'v77.tiktokcdn.com',
    'lf16-cdn-tos.tiktokcdn-us.com',
    'p16-va.byteoversea.com',
    'p19-pu-sign.ibyteimg.com',
  ];
  test('real CDN hosts are media hosts and TikTok hosts', () => {
    for (const host of REAL_MEDIA_HOSTS) {
      assert.equal(isTikTokMediaHost(host), true, host);
      assert.equal(isTikTokHost(host), true, host);
    }
  });

  test('page hosts, bare domains and foreign CDNs are not media hosts', () => {
    for (const host of [
      'www.tiktok.com',
      'tiktok.com',
      'm.tiktok.com',
      'vm.tiktok.com',
      'www.tiktokv.com',
      'support.tiktok.com',
      'tiktokcdn.com',
      'p16-sg-default.akamaized.net',
      'p16-sign.tiktokcdn.com.evil.io',
      'eviltiktokcdn.com',
    ]) {
      assert.equal(isTikTokMediaHost(host), false, host);
    }
  });

  test('TikTok hosts cover pages, short links and APIs but no look-alike', () => {
    for (const host of [
      'www.tiktok.com',
      'vm.tiktok.com',
      'webcast.tiktok.com',
      'mcs-sg.tiktokv.com',
      'tiktok.com.',
    ]) {
      assert.equal(isTikTokHost(host), true, host);
    }
    for (const host of [
      'tiktok.com.evil.io',
      'evil-tiktok.com',
      'tiktok.co',
      'nottiktokcdn.com',
      'com',
      '',
    ]) {
      assert.equal(isTikTokHost(host), false, host);
    }
  });

  test('appending a label to a TikTok host never keeps it a TikTok host', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('www.tiktok.com', 'v16-webapp.tiktok.com', 'p16.tiktokcdn.com', 'p16.muscdn.com'),
        fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        fc.constantFrom('.', '-', ''),
        (host, extra, separator) => {
          fc.pre(!(separator === '.' && extra === ''));
          const tampered = `${host}${separator}${extra}`;
          fc.pre(tampered !== host);
          assert.equal(isTikTokHost(tampered), false, tampered);
          assert.equal(isTikTokMediaHost(tampered), false, tampered);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
