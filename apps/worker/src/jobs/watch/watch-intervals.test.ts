import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { creatorIntervalSeconds, effectiveIntervalSeconds } from './watch-intervals.ts';

const intervals = { defaultSeconds: 3600, minSeconds: 900 };

describe('watch intervals', () => {
  test("a watch's own interval, or the default, never under the admin's floor", () => {
    assert.equal(effectiveIntervalSeconds(null, intervals), 3600);
    assert.equal(effectiveIntervalSeconds(1800, intervals), 1800);
    assert.equal(effectiveIntervalSeconds(60, intervals), 900);
  });

  test('a creator watched by many is checked at the shortest of their intervals', () => {
    const watches = [{ intervalSeconds: null }, { intervalSeconds: 1200 }, { intervalSeconds: 7200 }];
    assert.equal(creatorIntervalSeconds(watches, intervals), 1200);
    assert.equal(creatorIntervalSeconds([{ intervalSeconds: 10 }], intervals), 900);
  });
});
