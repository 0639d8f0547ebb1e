import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { looksLikeTikTokHost } from './tiktok-lookalike-host.ts';

const asHostname = (host: string) => new URL(`https://${host}/`).hostname;

describe('looksLikeTikTokHost', () => {
  const LOOKALIKES = [
    'tiktok.com.evil.io',
    'evil-tiktok.com',
    'eviltiktok.com',
    'tiktok.co',
    'tiktokk.com',
    'tlktok.com',
    'tiktik.com',
    'tikok.com',
    't1kt0k.net',
    'tik-tok.com',
    'tik.tok.app',
    'tіktok.com', // Cyrillic і
    'тікток.com', // all Cyrillic
    'tiκtoκ.com', // Greek κ
    'tíktók.com', // accents
  ];
  for (const host of LOOKALIKES) {
    test(`${host} (${asHostname(host)}) looks like TikTok`, () =>
      assert.equal(looksLikeTikTokHost(asHostname(host)), true));
  }

  const UNRELATED = [
    'example.com',
    'youtube.com',
    'instagram.com',
    'tokyo.jp',
    'ticket.com',
    'xn--r8jz45g.com',
    'tok.tk',
  ];
  for (const host of UNRELATED) {
    test(`${host} does not`, () => assert.equal(looksLikeTikTokHost(asHostname(host)), false));
  }
});
