import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gigabytesText, parseGigabytes, parseWholeNumber } from './limit-input.ts';

describe('limit boxes', () => {
  test('storage in GB: blank is no limit, decimals work, anything else is refused', () => {
    assert.deepEqual(parseGigabytes(''), { ok: true, value: null });
    assert.deepEqual(parseGigabytes(' 5 '), { ok: true, value: 5_000_000_000 });
    assert.deepEqual(parseGigabytes('0,5'), { ok: true, value: 500_000_000 });
    assert.deepEqual(parseGigabytes('0'), { ok: true, value: 0 });
    assert.deepEqual(parseGigabytes('-1'), { ok: false });
    assert.deepEqual(parseGigabytes('five'), { ok: false });
    assert.deepEqual(parseGigabytes('99999999999'), { ok: false });
    assert.equal(gigabytesText(5_000_000_000), '5');
    assert.equal(gigabytesText(250_000_000), '0.25');
    assert.equal(gigabytesText(null), '');
  });

  test('counts: whole numbers with separators; a minimum when asked', () => {
    assert.deepEqual(parseWholeNumber('1,000'), { ok: true, value: 1000 });
    assert.deepEqual(parseWholeNumber(''), { ok: true, value: null });
    assert.deepEqual(parseWholeNumber('1.5'), { ok: false });
    assert.deepEqual(parseWholeNumber('0', 1), { ok: false });
  });
});
