import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDouyinHost } from './douyin-hosts.ts';

describe('isDouyinHost', () => {
  for (const host of [
    'douyin.com',
    'www.douyin.com',
    'v.douyin.com',
    'live.douyin.com',
    'www.iesdouyin.com',
    'www.amemv.com',
    'WWW.DOUYIN.COM',
    'www.douyin.com.',
  ]) {
    test(`${host} is Douyin`, () => assert.equal(isDouyinHost(host), true));
  }
  for (const host of ['notdouyin.com', 'douyin.com.evil.io', 'www.tiktok.com', 'douyin.co', 'xdouyin.com']) {
    test(`${host} is not Douyin`, () => assert.equal(isDouyinHost(host), false));
  }
});
