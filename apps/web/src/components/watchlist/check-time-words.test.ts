import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agoWords, intervalWords, inWords } from './check-time-words.ts';

describe('check time words', () => {
  test('the last check, in the past', () => {
    assert.equal(agoWords(12 * 60_000 + 5_000), '12 min ago');
    assert.equal(agoWords(2 * 3600_000), '2 h ago');
    assert.equal(agoWords(30_000), 'just now');
  });

  test('the next check, ahead or already due', () => {
    assert.equal(inWords(48 * 60_000 + 59_000), 'in 48 min');
    assert.equal(inWords(59_000), 'due now');
    assert.equal(inWords(-5 * 60_000), 'due now');
  });

  test('how often, as said after "about every"', () => {
    assert.equal(intervalWords(3600), 'hour');
    assert.equal(intervalWords(1800), '30 min');
    assert.equal(intervalWords(2 * 3600), '2 h');
  });
});
