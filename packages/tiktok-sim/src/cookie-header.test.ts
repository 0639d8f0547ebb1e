import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCookieHeader } from './cookie-header.ts';

test('parseCookieHeader keeps base64 values whole and the first of duplicate names', () => {
  const cookies = parseCookieHeader('tt_chain_token=ab+c/d==; ttwid=1%7Cx; tt_chain_token=later; junk; ="q"');
  assert.equal(cookies.get('tt_chain_token'), 'ab+c/d==');
  assert.equal(cookies.get('ttwid'), '1%7Cx');
  assert.equal(cookies.size, 2);
});

test('parseCookieHeader of nothing is empty', () => {
  assert.equal(parseCookieHeader(undefined).size, 0);
});
