import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addressRange, isAllowedTarget, parseIpv6 } from './target-address.ts';

/** The address as the URL parser hands it over (it canonicalises odd IPv4 forms and IPv6). */
const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, '');

describe('addressRange', () => {
  test('IPv4 special ranges, public addresses beside them', () => {
    const cases: [string, string][] = [
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['172.32.0.1', 'public'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'link_local'],
      ['100.64.0.1', 'cgnat'],
      ['100.127.255.255', 'cgnat'],
      ['100.128.0.1', 'public'],
      ['0.0.0.0', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'reserved'],
      ['198.18.0.1', 'reserved'],
      ['192.0.2.10', 'reserved'],
      ['8.8.8.8', 'public'],
      ['1.1.1.1', 'public'],
    ];
    for (const [address, range] of cases) assert.equal(addressRange(address), range, address);
  });

  test('IPv6 ranges, including IPv4 inside IPv6', () => {
    const cases: [string, string][] = [
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fe80::1', 'link_local'],
      ['fe80::1%eth0', 'link_local'],
      ['fd00::1', 'unique_local'],
      ['fc12:3456::1', 'unique_local'],
      ['ff02::1', 'multicast'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:a9fe:a9fe', 'link_local'],
      ['::ffff:8.8.8.8', 'public'],
      ['64:ff9b::10.0.0.1', 'private'],
      ['64:ff9b::808:808', 'public'],
      ['2002:7f00:1::1', 'loopback'],
      ['2001:db8::1', 'reserved'],
      ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'],
      ['2606:4700:4700::1111', 'public'],
      ['2a00:1450:4001:82b::200e', 'public'],
      ['[2a00:1450:4001:82b::200e]', 'public'],
    ];
    for (const [address, range] of cases) assert.equal(addressRange(address), range, address);
  });

  test('odd spellings of loopback and metadata addresses, as the URL parser turns them', () => {
    for (const url of [
      'http://2130706433/',
      'http://0x7f.1/',
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[0:0:0:0:0:0:0:1]/',
    ]) {
      assert.equal(addressRange(hostOf(url)), 'loopback', url);
    }
    assert.equal(addressRange(hostOf('http://0xa9fea9fe/')), 'link_local');
    assert.equal(addressRange(hostOf('http://[::ffff:169.254.169.254]/')), 'link_local');
  });

  test('not an IP address: null', () => {
    for (const text of ['example.com', '1.2.3', '1.2.3.4.5', '256.1.1.1', ':::', '1::2::3', 'g::1', '']) {
      assert.equal(addressRange(text), null, text);
    }
  });

  test('parseIpv6 expands :: and IPv4 tails to eight groups', () => {
    assert.deepEqual(parseIpv6('1::'), [1, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(parseIpv6('::ffff:1.2.3.4'), [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    assert.equal(parseIpv6('1:2:3:4:5:6:7:8:9'), null);
    assert.equal(parseIpv6('1:2:3:4:5:6:7::8'), null);
  });
});

describe('isAllowedTarget', () => {
  test('public always; private ranges only when the admin allows them; multicast and unspecified never', () => {
    assert.equal(isAllowedTarget('8.8.8.8', false), true);
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '169.254.169.254', 'fd00::1', '100.64.1.1']) {
      assert.equal(isAllowedTarget(address, false), false, address);
      assert.equal(isAllowedTarget(address, true), true, address);
    }
    for (const address of ['0.0.0.0', '::', '224.0.0.1', 'ff02::1', 'not-an-ip']) {
      assert.equal(isAllowedTarget(address, true), false, address);
    }
  });
});
