import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatElapsed } from './format-elapsed.ts';

describe('formatElapsed', () => {
  test('minutes and seconds below an hour, hours and minutes above', () => {
    assert.equal(formatElapsed(7_400), '0:07');
    assert.equal(formatElapsed(245_000), '4:05');
    assert.equal(formatElapsed(3_600_000 + 12 * 60_000 + 5_000), '1 h 12 min');
    assert.equal(formatElapsed(-5), '0:00');
  });
});
