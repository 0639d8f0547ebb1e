import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { hashToken, looksLikeToken, newTokenSecret } from './token-secret.ts';

describe('token secrets', () => {
  test('tks_ + 43 base64url characters; the prefix shown is its start; the hash is sha256 hex', () => {
    const { token, hash, prefix } = newTokenSecret();
    assert.match(token, /^tks_[A-Za-z0-9_-]{43}$/);
    assert.equal(prefix, token.slice(0, 10));
    assert.equal(hash, createHash('sha256').update(token).digest('hex'));
    assert.equal(hashToken(token), hash);
    assert.ok(looksLikeToken(token));
  });

  test('every token is new', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newTokenSecret().token));
    assert.equal(tokens.size, 200);
  });

  test('other strings are not token-shaped', () => {
    for (const value of [
      '',
      'tks_',
      'tks_short',
      `TKS_${'a'.repeat(43)}`,
      `tks_${'a'.repeat(42)}!`,
      `tks_${'a'.repeat(44)}`,
    ]) {
      assert.equal(looksLikeToken(value), false, value);
    }
  });
});
