import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { durationWords, savedWithSpareWords } from './story-time-words.ts';

describe('story time words', () => {
  test('durations round down to the minute', () => {
    const cases: [number, string][] = [
      [3 * 3600_000 + 40 * 60_000 + 59_000, '3 h 40 min'],
      [2 * 3600_000, '2 h'],
      [12 * 60_000 + 1, '12 min'],
      [59_999, 'less than 1 min'],
      [0, 'less than 1 min'],
      [Number.NaN, 'less than 1 min'],
    ];
    for (const [ms, words] of cases) assert.equal(durationWords(ms), words, String(ms));
  });

  test('a saved story says how much time it had to spare', () => {
    assert.equal(savedWithSpareWords(3 * 3600 + 40 * 60), 'Saved with 3 h 40 min to spare');
    assert.equal(savedWithSpareWords(20), 'Saved with less than 1 min to spare');
  });
});
