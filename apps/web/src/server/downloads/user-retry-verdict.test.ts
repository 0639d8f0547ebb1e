import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ERROR_CODES, ERRORS } from '@tiksavr/core';
import { PERSON_CAN_FIX, userRetryVerdict } from './user-retry-verdict.ts';

const now = new Date('2026-11-25T12:00:00Z');
const failed = (failureCode: string | null, storyDeadline: Date | null = null) =>
  userRetryVerdict({ state: 'failed', failureCode, storyDeadline }, now);

describe('userRetryVerdict', () => {
  test('failures the post itself causes can never succeed on a retry', () => {
    for (const code of [
      'private_post',
      'private_account',
      'deleted',
      'region_locked',
      'age_restricted',
      'story_expired',
      'invalid_link',
      'not_found',
      'share_disabled',
      'short_link_dead',
    ]) {
      assert.equal(failed(code), 'cannot_succeed', code);
    }
  });

  test('every code the error table calls final is refused, except internal and the quota ones', () => {
    for (const code of ERROR_CODES) {
      const expected =
        ERRORS[code].retry || code === 'internal' || PERSON_CAN_FIX.has(code) ? 'allowed' : 'cannot_succeed';
      assert.equal(failed(code), expected, code);
    }
  });

  test('passing trouble can be retried', () => {
    for (const code of [
      'network',
      'upstream_error',
      'rate_limited',
      'challenge',
      'media_expired',
      'media_forbidden',
      'login_required',
    ]) {
      assert.equal(failed(code), 'allowed', code);
    }
  });

  test('our own fault, no code or an unknown code: a person may try again', () => {
    assert.equal(failed('internal'), 'allowed');
    assert.equal(failed('quota_bytes_exceeded'), 'allowed');
    assert.equal(failed(null), 'allowed');
    assert.equal(failed('some_future_code'), 'allowed');
  });

  test('canceled can always be retried; an expired story never', () => {
    assert.equal(
      userRetryVerdict({ state: 'canceled', failureCode: 'canceled', storyDeadline: null }, now),
      'allowed',
    );
    const deadline = new Date(now.getTime() + 60_000);
    assert.equal(
      userRetryVerdict({ state: 'expired', failureCode: 'story_expired', storyDeadline: deadline }, now),
      'cannot_succeed',
    );
    assert.equal(
      userRetryVerdict({ state: 'expired', failureCode: null, storyDeadline: null }, now),
      'cannot_succeed',
    );
  });

  test('a failed story is retried only while its 24 hours last', () => {
    assert.equal(failed('network', new Date(now.getTime() + 60_000)), 'allowed');
    assert.equal(failed('network', now), 'cannot_succeed');
    assert.equal(failed('network', new Date(now.getTime() - 1)), 'cannot_succeed');
  });

  test('unfinished or saved downloads have nothing to retry', () => {
    for (const state of ['queued', 'resolving', 'downloading', 'done'] as const) {
      assert.equal(
        userRetryVerdict({ state, failureCode: null, storyDeadline: null }, now),
        'wrong_state',
        state,
      );
    }
  });
});
