import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { itemIdToDate } from './id-time.ts';

const NOW = new Date('2026-09-01T00:00:00Z');

describe('itemIdToDate', () => {
  test('reads the creation second from the upper 32 bits (yt-dlp fixture: createTime 1571246252)', () => {
    assert.equal(itemIdToDate('6748451240264420610', NOW)?.getTime(), 1_571_246_245_000);
  });

  test('matches real pages: the id time is a few seconds before createTime', () => {
    // shared/real-captures: item 7524919459643919624 has createTime 1752031845,
    // item 7496800151642721543 has createTime 1745484808.
    assert.equal(itemIdToDate('7524919459643919624', NOW)?.getTime(), 1_752_031_841_000);
    assert.equal(itemIdToDate('7496800151642721543', NOW)?.getTime(), 1_745_484_804_000);
  });

  test('rejects what is not a decimal id', () => {
    for (const id of [
      '',
      'abc',
      '-1',
      '0',
      '07524919459643919624',
      '1.5',
      '1e19',
      ' 7524919459643919624',
      '1234567890123456789012',
    ]) {
      assert.equal(itemIdToDate(id, NOW), null, id);
    }
  });

  test('rejects times before 2016 and more than a day after now', () => {
    assert.equal(itemIdToDate('1', NOW), null);
    assert.equal(itemIdToDate(((1_451_606_399n << 32n) | 123n).toString(), NOW), null);
    assert.notEqual(itemIdToDate(((1_451_606_400n << 32n) | 123n).toString(), NOW), null);
    const tomorrowPlus = BigInt(NOW.getTime() / 1000 + 2 * 86_400);
    assert.equal(itemIdToDate(((tomorrowPlus << 32n) | 1n).toString(), NOW), null);
    assert.equal(itemIdToDate('999999999999999999999', NOW), null);
  });

  test('round-trips any minted id whose time lies in the plausible range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_451_606_400, max: NOW.getTime() / 1000 }),
        fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }),
        (seconds, low) => {
          const id = ((BigInt(seconds) << 32n) | low).toString();
          assert.equal(itemIdToDate(id, NOW)?.getTime(), seconds * 1000);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
